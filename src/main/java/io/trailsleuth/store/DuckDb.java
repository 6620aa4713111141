package io.trailsleuth.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/** Opens embedded DuckDB connections that never touch the network: extension install and load are off and locked. */
public final class DuckDb {
  private DuckDb() {}

  /** An in-memory database. */
  public static Connection inMemory(String memoryLimit) throws SQLException {
    return open("jdbc:duckdb:", memoryLimit, null);
  }

  /** A database file, used for staging an ingest run. */
  public static Connection file(Path database, String memoryLimit, Path tempDirectory) throws SQLException {
    return open("jdbc:duckdb:" + database.toAbsolutePath(), memoryLimit, tempDirectory);
  }

  private static Connection open(String url, String memoryLimit, Path tempDirectory) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("autoinstall_known_extensions", "false");
    properties.setProperty("autoload_known_extensions", "false");
    Connection connection = DriverManager.getConnection(url, properties);
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET autoinstall_known_extensions = false");
      statement.execute("SET autoload_known_extensions = false");
      statement.execute("SET allow_community_extensions = false");
      statement.execute("SET memory_limit = '" + memoryLimit.replace("'", "") + "'");
      statement.execute("SET preserve_insertion_order = false");
      // Partitioned COPY buffers this many rows per partition before writing; DuckDB's default (524,288) made the
      // date-partitioned event write 25 % slower and 100 MB larger at 1M events than 32,768 (bench/README.md).
      statement.execute("SET partitioned_write_flush_threshold = 32768");
      if (tempDirectory != null) {
        statement.execute("SET temp_directory = '" + tempDirectory.toAbsolutePath().toString().replace("'", "''") + "'");
      }
      statement.execute("SET lock_configuration = true");
    } catch (SQLException e) {
      connection.close();
      throw e;
    }
    return connection;
  }
}
