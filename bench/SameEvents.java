import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Set;

/**
 * Checks that two case stores hold the same events and rejects, row for row: {@code EXCEPT ALL} both ways over every
 * column of the events as stored (not event_date, the day of event_time: stores of format 1 to 3 name it in their
 * partition directories, and files that trailsleuth rewrote at deduplication before format 4 hold it as a column), the
 * rejects and the source manifest (without the run ID, which
 * differs between stores). Prints the counts and exits 1 when any row differs.
 *
 * <p>Run as a single-file program: {@code java -cp target/trailsleuth.jar bench/SameEvents.java STORE_A STORE_B}.
 */
public final class SameEvents {
  private SameEvents() {}

  public static void main(String[] args) throws Exception {
    String a = args[0].replace("'", "''");
    String b = args[1].replace("'", "''");
    boolean same = true;
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement()) {
      statement.execute("SET memory_limit = '1GB'");
      for (String table : new String[] {"events/**/*.parquet", "rejects.parquet", "sources.parquet"}) {
        boolean inA = holds(statement, a, table);
        if (inA != holds(statement, b, table)) {
          System.out.printf("%-22s only one store has rows%n", table);
          same = false;
          continue;
        }
        if (!inA) {
          System.out.printf("%-22s %12s%n", table, "no rows in either store");
          continue;
        }
        String source = "read_parquet('" + a + "/runs/*/" + table + "', hive_partitioning = false, union_by_name = true)";
        String columns = columnsBut(statement, source, Set.of("run_id", "event_date"));
        String left = "(SELECT " + columns + " FROM " + source + ")";
        String right = left.replace("read_parquet('" + a + "/", "read_parquet('" + b + "/");
        long count = count(statement, "SELECT count(*) FROM " + left);
        long onlyLeft = count(statement, "SELECT count(*) FROM (" + left + " EXCEPT ALL " + right + ")");
        long onlyRight = count(statement, "SELECT count(*) FROM (" + right + " EXCEPT ALL " + left + ")");
        System.out.printf("%-22s %,12d rows; only in A: %d, only in B: %d%n", table, count, onlyLeft, onlyRight);
        same &= onlyLeft == 0 && onlyRight == 0;
      }
    }
    System.exit(same ? 0 : 1);
  }

  /** True when the store has such files with at least one row (a run with no events may have an empty events file). */
  private static boolean holds(Statement statement, String store, String table) throws Exception {
    String files = "'" + store + "/runs/*/" + table + "'";
    return count(statement, "SELECT count(*) FROM glob(" + files + ")") > 0
        && count(statement, "SELECT count(*) FROM read_parquet(" + files + ")") > 0;
  }

  /** The columns of {@code source} except those {@code left} out, quoted and comma-separated. */
  private static String columnsBut(Statement statement, String source, Set<String> left) throws Exception {
    StringBuilder columns = new StringBuilder();
    try (ResultSet rows = statement.executeQuery("DESCRIBE SELECT * FROM " + source)) {
      while (rows.next()) {
        String name = rows.getString(1);
        if (!left.contains(name)) {
          columns.append(columns.length() == 0 ? "" : ", ").append('"').append(name.replace("\"", "\"\"")).append('"');
        }
      }
    }
    return columns.toString();
  }

  private static long count(Statement statement, String sql) throws Exception {
    try (ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
