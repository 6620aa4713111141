package io.trailsleuth.query;

import io.trailsleuth.common.SqlFile;
import io.trailsleuth.common.SqlFiles;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;

/** Installs the catalogue queries marked {@code -- view: true} as views, in file order, so later ones build on earlier ones. */
public final class AnalysisViews {
  private AnalysisViews() {}

  /** Creates every analysis view on a connection that already has the store's views. */
  public static void install(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (SqlFile file : SqlFiles.bundled().values().stream().filter(SqlFile::view)
          .sorted(Comparator.comparing(SqlFile::resource)).toList()) {
        statement.execute("CREATE VIEW " + file.id() + " AS " + file.sql());
      }
    }
  }
}
