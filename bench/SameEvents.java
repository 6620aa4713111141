import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Checks that two case stores hold the same events and rejects, row for row: {@code EXCEPT ALL} both ways over every
 * column of the events (hive partition included), the rejects and the source manifest (without the run ID, which
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
          System.out.printf("%-22s only one store has such files%n", table);
          same = false;
          continue;
        }
        if (!inA) {
          System.out.printf("%-22s %12s%n", table, "no files in either store");
          continue;
        }
        String source = "read_parquet('" + a + "/runs/*/" + table + "', hive_partitioning = true, union_by_name = true)";
        String columns = columnsBut(statement, source, "run_id");
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

  private static boolean holds(Statement statement, String store, String table) throws Exception {
    return count(statement, "SELECT count(*) FROM glob('" + store + "/runs/*/" + table + "')") > 0;
  }

  /** The columns of {@code source} except {@code left}, quoted and comma-separated. */
  private static String columnsBut(Statement statement, String source, String left) throws Exception {
    StringBuilder columns = new StringBuilder();
    try (ResultSet rows = statement.executeQuery("DESCRIBE SELECT * FROM " + source)) {
      while (rows.next()) {
        String name = rows.getString(1);
        if (!name.equals(left)) {
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
