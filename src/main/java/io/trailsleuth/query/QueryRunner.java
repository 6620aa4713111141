package io.trailsleuth.query;

import io.trailsleuth.common.SqlFile;
import io.trailsleuth.common.SqlParameters;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs SQL against a store connection with named parameters bound, never concatenated. */
public final class QueryRunner {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss[.SSSSSS]'Z'");

  private QueryRunner() {}

  /**
   * Runs a catalogue query; an optional parameter not given is bound as NULL, and a required one not given is refused
   * with a {@link QueryParameterException} naming it.
   */
  public static ResultTable run(Connection connection, SqlFile query, Map<String, String> parameters) throws SQLException {
    for (String name : parameters.keySet()) {
      if (!query.params().contains(name)) {
        throw new QueryParameterException("query '" + query.id() + "' has no parameter '" + name + "'; it takes "
            + (query.params().isEmpty() ? "none" : String.join(", ", query.params())));
      }
    }
    List<String> missing = query.params().stream()
        .filter(name -> !parameters.containsKey(name) && !query.optionalParams().contains(name)).toList();
    if (!missing.isEmpty()) {
      throw missing(missing);
    }
    Map<String, String> bound = new HashMap<>(parameters);
    query.optionalParams().forEach(name -> bound.putIfAbsent(name, null));
    return run(connection, query.sql(), bound);
  }

  /**
   * Runs SQL text with {@code $name} markers; a marker without a value (not even null) in {@code parameters} is
   * refused with a {@link QueryParameterException} naming it, before the statement runs.
   */
  public static ResultTable run(Connection connection, String sql, Map<String, String> parameters) throws SQLException {
    SqlParameters.Positional positional = SqlParameters.positional(sql);
    List<String> missing = positional.names().stream().distinct().filter(name -> !parameters.containsKey(name)).toList();
    if (!missing.isEmpty()) {
      throw missing(missing);
    }
    try (PreparedStatement statement = connection.prepareStatement(positional.sql())) {
      for (int i = 0; i < positional.names().size(); i++) {
        String name = positional.names().get(i);
        statement.setObject(i + 1, parameters.get(name));
      }
      boolean hasResult = statement.execute();
      if (!hasResult) {
        return new ResultTable(List.of("changed"), List.of(List.of(String.valueOf(statement.getUpdateCount()))));
      }
      try (ResultSet rows = statement.getResultSet()) {
        return read(rows);
      }
    }
  }

  private static QueryParameterException missing(List<String> names) {
    return new QueryParameterException("no value for parameter(s) " + String.join(", ", names.stream()
        .map(name -> "$" + name).toList()) + " that the query uses; an unbound parameter would match nothing");
  }

  private static ResultTable read(ResultSet rows) throws SQLException {
    ResultSetMetaData meta = rows.getMetaData();
    List<String> columns = new ArrayList<>();
    List<ValueKind> kinds = new ArrayList<>();
    for (int i = 1; i <= meta.getColumnCount(); i++) {
      columns.add(meta.getColumnLabel(i));
      kinds.add(ValueKind.of(meta.getColumnType(i)));
    }
    List<List<String>> values = new ArrayList<>();
    while (rows.next()) {
      List<String> row = new ArrayList<>(columns.size());
      for (int i = 1; i <= columns.size(); i++) {
        Object value = rows.getObject(i);
        row.add(render(value));
      }
      values.add(row);
    }
    return new ResultTable(columns, kinds, values);
  }

  static String render(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Timestamp timestamp) {
      return TIME.format(timestamp.toLocalDateTime());
    }
    if (value instanceof java.time.LocalDateTime time) {
      return TIME.format(time);
    }
    return value.toString();
  }
}
