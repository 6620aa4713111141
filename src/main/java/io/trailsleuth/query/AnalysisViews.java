package io.trailsleuth.query;

import io.trailsleuth.common.SqlFile;
import io.trailsleuth.common.SqlFiles;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * Installs the catalogue queries marked {@code -- view: true} as views and those marked {@code -- macro:} as table
 * macros, in file order, so later ones build on earlier ones.
 */
public final class AnalysisViews {
  private AnalysisViews() {}

  /**
   * Creates every analysis view and table macro on a connection that already has the store's views, and computes
   * nothing: for {@code query}, whose user SQL may read none of them.
   */
  public static void install(Connection connection) throws SQLException {
    create(connection, false);
  }

  /**
   * Creates the views and macros as {@link #install} does, and computes each view marked {@code -- materialize: true}
   * into a temporary table of the same name right after creating it; the later views read that table (DuckDB looks in
   * the temporary schema first). On a 5M-event store the policy-drift view inlined the role lineage four times and
   * the policy ledger twice, reading the focus events each time: 0.80 s; with both computed once, 0.17 s for them and
   * 0.30 s for the drift. Computed before the later views are created, they are also what those views bind against,
   * instead of the lineage's and the ledger's whole queries: creating the policy views takes 100 ms less, on any store
   * (bench/README.md, round ten). For the commands that run the analysis or the timeline on a store that does not
   * change meanwhile.
   */
  public static void installMaterialized(Connection connection) throws SQLException {
    create(connection, true);
  }

  private static void create(Connection connection, boolean materialize) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (SqlFile file : inFileOrder(file -> file.view() || file.macro())) {
        statement.execute(file.macro()
            ? "CREATE MACRO " + file.id() + "(" + String.join(", ", file.macroParameters()) + ") AS TABLE " + file.sql()
            : "CREATE VIEW " + file.id() + " AS " + file.sql());
        if (materialize && file.materialized()) {
          statement.execute("CREATE TEMP TABLE " + file.id() + " AS SELECT * FROM main." + file.id());
        }
      }
    }
  }

  /** The bundled statements that match, in file order: a later view may read an earlier one. */
  private static List<SqlFile> inFileOrder(Predicate<SqlFile> wanted) {
    return SqlFiles.bundled().values().stream().filter(wanted).sorted(Comparator.comparing(SqlFile::resource)).toList();
  }
}
