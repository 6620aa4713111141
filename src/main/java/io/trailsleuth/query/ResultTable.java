package io.trailsleuth.query;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A query result held as text, in the order the query returned it.
 *
 * @param columns column names
 * @param kinds what each column holds (text, number, boolean), for output formats that keep the distinction
 * @param rows rows of values rendered as text; null stands for SQL NULL
 */
public record ResultTable(List<String> columns, List<ValueKind> kinds, List<List<String>> rows) {
  public ResultTable {
    columns = List.copyOf(columns);
    kinds = List.copyOf(kinds);
    if (kinds.size() != columns.size()) {
      throw new IllegalArgumentException(kinds.size() + " kinds for " + columns.size() + " columns");
    }
    List<List<String>> copied = new ArrayList<>();
    for (List<String> row : rows) {
      copied.add(Collections.unmodifiableList(new ArrayList<>(row)));
    }
    rows = Collections.unmodifiableList(copied);
  }

  /** A table whose columns all hold text. */
  public ResultTable(List<String> columns, List<List<String>> rows) {
    this(columns, Collections.nCopies(columns.size(), ValueKind.TEXT), rows);
  }

  /** The kind of the named column. */
  public ValueKind kindOf(String column) {
    return kinds.get(columns.indexOf(column));
  }
}
