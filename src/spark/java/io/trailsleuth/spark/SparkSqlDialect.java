package io.trailsleuth.spark;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the store's DuckDB statements ({@code queries/store/derive_*.sql}) in Spark SQL: the two dialects agree on
 * everything those statements use but the names of two functions, which are renamed here, as whole words before a
 * parenthesis. Same semantics: {@code arg_min(x, key)} is Spark's {@code min_by(x, key)}, and DuckDB's
 * {@code json_extract_string(json, '$.a')} is Spark's {@code get_json_object(json, '$.a')} (the text of the value,
 * unquoted for a string, null when missing).
 */
final class SparkSqlDialect {
  private static final Map<String, String> FUNCTIONS = Map.of(
      "arg_min", "min_by",
      "arg_max", "max_by",
      "json_extract_string", "get_json_object");
  private static final Pattern CALL = Pattern.compile("\\b(" + String.join("|", FUNCTIONS.keySet()) + ")\\s*\\(");

  private SparkSqlDialect() {}

  /** The statement with DuckDB's function names replaced by Spark's. */
  static String fromDuckDb(String sql) {
    Matcher matcher = CALL.matcher(sql);
    StringBuilder translated = new StringBuilder();
    while (matcher.find()) {
      matcher.appendReplacement(translated, Matcher.quoteReplacement(FUNCTIONS.get(matcher.group(1)) + "("));
    }
    matcher.appendTail(translated);
    return translated.toString();
  }
}
