package io.trailsleuth.query;

import java.util.ArrayList;
import java.util.List;

/**
 * A query result held as text, in the order the query returned it.
 *
 * @param columns column names
 * @param rows rows of values rendered as text; null stands for SQL NULL
 */
public record ResultTable(List<String> columns, List<List<String>> rows) {
  public ResultTable {
    columns = List.copyOf(columns);
    List<List<String>> copied = new ArrayList<>();
    for (List<String> row : rows) {
      copied.add(java.util.Collections.unmodifiableList(new ArrayList<>(row)));
    }
    rows = java.util.Collections.unmodifiableList(copied);
  }
}
