package io.trailsleuth.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns {@code $name} parameter markers into JDBC's positional {@code ?} and substitutes
 * {@code {{name}}} templates with quoted literals for values DuckDB cannot bind (file paths in COPY and
 * read_parquet). Values read from logs are only ever bound, never substituted.
 */
public final class SqlParameters {
  /** A statement with positional markers and the parameter name for each position. */
  public record Positional(String sql, List<String> names) {
    public Positional {
      names = List.copyOf(names);
    }
  }

  private SqlParameters() {}

  /** Replaces each {@code $name} outside string literals and comments with {@code ?}. */
  public static Positional positional(String sql) {
    StringBuilder out = new StringBuilder(sql.length());
    List<String> names = new ArrayList<>();
    int i = 0;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (c == '\'' || c == '"') {
        int end = sql.indexOf(c, i + 1);
        while (end > 0 && end + 1 < sql.length() && sql.charAt(end + 1) == c) {
          end = sql.indexOf(c, end + 2);
        }
        end = end < 0 ? sql.length() - 1 : end;
        out.append(sql, i, end + 1);
        i = end + 1;
      } else if (c == '-' && i + 1 < sql.length() && sql.charAt(i + 1) == '-') {
        int end = sql.indexOf('\n', i);
        end = end < 0 ? sql.length() : end;
        out.append(sql, i, end);
        i = end;
      } else if (c == '$' && i + 1 < sql.length() && Character.isLetter(sql.charAt(i + 1))) {
        int end = i + 1;
        while (end < sql.length() && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_')) {
          end++;
        }
        names.add(sql.substring(i + 1, end));
        out.append('?');
        i = end;
      } else {
        out.append(c);
        i++;
      }
    }
    return new Positional(out.toString(), names);
  }

  /** Substitutes {@code {{name}}} with the quoted literal of each value; fails on an unknown template. */
  public static String withLiterals(String sql, Map<String, String> literals) {
    String result = sql;
    for (Map.Entry<String, String> entry : literals.entrySet()) {
      result = result.replace("{{" + entry.getKey() + "}}", quote(entry.getValue()));
    }
    int open = result.indexOf("{{");
    if (open >= 0) {
      throw new IllegalArgumentException("unfilled template at: " + result.substring(open, Math.min(result.length(), open + 40)));
    }
    return result;
  }

  /** A SQL string literal. */
  public static String quote(String value) {
    return "'" + value.replace("'", "''") + "'";
  }
}
