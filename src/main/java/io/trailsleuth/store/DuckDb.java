package io.trailsleuth.store;

import io.trailsleuth.common.FileTrees;
import io.trailsleuth.common.OwnedTemporaryDirectories;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.duckdb.DuckDBDriver;

/** Opens embedded DuckDB connections that never touch the network: extension install and load are off and locked. */
public final class DuckDb {
  /** Set once a connection has opened: the native library is loaded for the life of the JVM. */
  private static volatile boolean nativeLibraryLoaded;
  /** Where in-memory databases spill; see {@link #spillDirectory()}. */
  private static Path spillDirectory;

  private DuckDb() {}

  /**
   * An in-memory database with DuckDB's default threads (one per core), for reading a store. Its results stream to the
   * reader rather than being held whole (a query reading every file's manifest row held 475 MB at 2,000,000 files), so
   * a caller reads each result to its end, or closes it, before it runs the next statement on the connection: a new
   * statement ends a result still streaming. What outgrows the memory limit spills into the JVM's spill directory
   * ({@link #spillDirectory()}): DuckDB's default for an in-memory database is {@code .tmp} in the current directory,
   * which may be the evidence being analysed.
   */
  public static Connection inMemory(String memoryLimit) throws SQLException {
    return open("jdbc:duckdb:", memoryLimit, spillDirectory(), 0, true);
  }

  /**
   * One directory under the system's temporary directory for every in-memory database of this JVM, made on first use
   * and removed with what is in it when the JVM exits, or, after a crash, by the next run
   * ({@link OwnedTemporaryDirectories}).
   */
  private static synchronized Path spillDirectory() throws SQLException {
    if (spillDirectory == null) {
      try {
        Path directory = OwnedTemporaryDirectories.create("trailsleuth-duckdb-");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
          try {
            FileTrees.deleteRecursively(directory);
          } catch (IOException e) {
            // the JVM is exiting: a directory left behind in the temporary directory harms nothing
          }
        }, "trailsleuth-spill-cleanup"));
        spillDirectory = directory;
      } catch (IOException e) {
        throw new SQLException("cannot create a temporary directory for DuckDB: " + e.getMessage(), e);
      }
    }
    return spillDirectory;
  }

  /**
   * An in-memory database with one worker thread, used for staging an ingest run; what outgrows its memory limit spills
   * into {@code tempDirectory}. The parser threads keep the cores busy meanwhile: at 5M events one DuckDB thread wrote
   * the same Parquet with 15-20 % less CPU than two, and in less wall time (bench/README.md). The run's events go
   * straight to Parquet files, so the database holds only the manifest's tables; a database file added only a
   * checkpoint when the run closed it (30 ms at 200k events; bench/README.md, round nine).
   */
  public static Connection staging(String memoryLimit, Path tempDirectory) throws SQLException {
    return open("jdbc:duckdb:", memoryLimit, tempDirectory, 1, false);
  }

  /**
   * Opens the connection, which loads DuckDB's native library on first use. The build puts that library beside
   * {@code trailsleuth.jar} ({@code libduckdb_java.so_<platform>}), not inside it: a jar copied without it fails here,
   * with an Error that would otherwise print only a stack trace.
   */
  private static Connection connect(String url, Properties properties) throws SQLException {
    if (nativeLibraryLoaded) {
      return DriverManager.getConnection(url, properties);
    }
    // DuckDB prints the stack trace of a failed load itself: kept from the user, and the cause goes in our message
    PrintStream standardError = System.err;
    ByteArrayOutputStream swallowed = new ByteArrayOutputStream();
    try {
      System.setErr(new PrintStream(swallowed, true, StandardCharsets.UTF_8));
      Connection connection = DriverManager.getConnection(url, properties);
      nativeLibraryLoaded = true;
      return connection;
    } catch (ExceptionInInitializerError | UnsatisfiedLinkError | NoClassDefFoundError e) {
      throw new StoreException("DuckDB's native library could not be loaded (" + rootMessage(e) + "). It is built"
          + " beside trailsleuth.jar as target/libduckdb_java.so_<platform>; copy those files with the jar, or run"
          + " ./trailsleuth, which builds them", e);
    } finally {
      System.setErr(standardError);
    }
  }

  private static String rootMessage(Throwable error) {
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.toString() : root.getMessage();
  }

  private static Connection open(String url, String memoryLimit, Path tempDirectory, int threads, boolean streamResults)
      throws SQLException {
    Properties properties = new Properties();
    if (streamResults) {
      properties.setProperty(DuckDBDriver.JDBC_STREAM_RESULTS, "true");
    }
    properties.setProperty("autoinstall_known_extensions", "false");
    properties.setProperty("autoload_known_extensions", "false");
    Connection connection = connect(url, properties);
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET autoinstall_known_extensions = false");
      statement.execute("SET autoload_known_extensions = false");
      statement.execute("SET allow_community_extensions = false");
      statement.execute("SET memory_limit = '" + memoryLimit.replace("'", "") + "'");
      statement.execute("SET preserve_insertion_order = false");
      if (threads > 0) {
        statement.execute("SET threads = " + threads);
      }
      // Partitioned COPY (stores of format 1 to 3 only; format 4 writes no date partitions) buffers this many rows per
      // partition before writing; DuckDB's default (524,288) made the
      // date-partitioned event write 25 % slower and 100 MB larger at 1M events than 32,768, and 16,384 keeps the
      // peak RSS of a 5M-event ingest under 1 GiB at no cost in time (bench/README.md).
      statement.execute("SET partitioned_write_flush_threshold = 16384");
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
