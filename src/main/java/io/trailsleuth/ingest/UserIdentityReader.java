package io.trailsleuth.ingest;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trailsleuth.model.ColumnType;
import io.trailsleuth.model.EventColumn;
import io.trailsleuth.model.EventRow;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a record's {@code userIdentity} object in one streaming pass: copies it as compact JSON and picks
 * out the identity columns on the way, without building a tree. Objects with a repeated name, or with a
 * value of an unusual type where a column is read, take the slow path: the copied text is read as a tree
 * and handled as before, so the stored text and the errors do not depend on which path ran.
 * Not thread-safe: each {@link RecordExtractor} owns one.
 */
final class UserIdentityReader {
  private static final List<EventColumn> COLUMNS =
      EventColumn.ALL.stream().filter(EventColumn::isUserIdentityField).toList();
  /** The names on the path to each column, below userIdentity. */
  private static final String[][] PATHS =
      COLUMNS.stream().map(c -> c.jsonPath().substring("userIdentity.".length()).split("\\.")).toArray(String[][]::new);

  private final ObjectMapper mapper;
  private final String[] values = new String[COLUMNS.size()];
  /** The names seen so far in each open object, by depth, to notice a repeated name. */
  private final List<List<String>> namesByDepth = new ArrayList<>();
  /** The path of names from userIdentity to the current value. */
  private final String[] path = new String[8];

  UserIdentityReader(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /**
   * Reads the object the parser stands on (START_OBJECT) into {@code row}, copying it with {@code copy};
   * returns why the record must be rejected, or null. On return the parser stands on the object's END_OBJECT.
   */
  String read(JsonParser parser, TextCopier copy, EventRow row) throws IOException {
    Arrays.fill(values, null);
    JsonGenerator generator = copy.start();
    boolean simple = walk(parser, generator);
    String text = copy.finish();
    if (simple) {
      row.set(EventColumn.USER_IDENTITY, text);
      for (int i = 0; i < COLUMNS.size(); i++) {
        if (values[i] != null) {
          EventColumn column = COLUMNS.get(i);
          row.set(column, column.type() == ColumnType.BOOLEAN ? Boolean.valueOf(values[i]) : values[i]);
        }
      }
      return null;
    }
    return readTree(mapper.readTree(text), row);
  }

  /** Copies every token of the object; returns false when the slow path must decide the columns. */
  private boolean walk(JsonParser parser, JsonGenerator generator) throws IOException {
    boolean simple = true;
    int depth = 0;
    JsonToken token = parser.currentToken();
    do {
      generator.copyCurrentEvent(parser);
      switch (token) {
        case START_OBJECT -> {
          simple &= depth == 0 || depth > path.length || !isColumn(depth);
          while (namesByDepth.size() <= depth) {
            namesByDepth.add(new ArrayList<>());
          }
          namesByDepth.get(depth).clear();
          depth++;
        }
        case START_ARRAY -> {
          depth++;
          simple &= depth - 1 > path.length || !onColumnPath(depth - 1);
        }
        case END_OBJECT, END_ARRAY -> depth--;
        case FIELD_NAME -> {
          String name = parser.currentName();
          List<String> names = namesByDepth.get(depth - 1);
          if (names.contains(name)) {
            simple = false;
          }
          names.add(name);
          if (depth <= path.length) {
            path[depth - 1] = name;
          }
        }
        default -> simple &= scalar(parser, token, depth);
      }
      token = depth == 0 ? null : parser.nextToken();
    } while (token != null);
    return simple;
  }

  /** True when {@code path[0..depth)} is exactly a column's path. */
  private boolean isColumn(int depth) {
    for (String[] columnPath : PATHS) {
      if (columnPath.length == depth && prefixMatches(columnPath, depth)) {
        return true;
      }
    }
    return false;
  }

  /** True when a column or an object leading to one is at {@code path[0..depth)}; for arrays and objects. */
  private boolean onColumnPath(int depth) {
    for (String[] columnPath : PATHS) {
      if (columnPath.length >= depth && prefixMatches(columnPath, depth)) {
        return true;
      }
    }
    return false;
  }

  /** Records a scalar that is a column; returns false when its type needs the slow path. */
  private boolean scalar(JsonParser parser, JsonToken token, int depth) throws IOException {
    if (depth > path.length) {
      return true;
    }
    for (int i = 0; i < PATHS.length; i++) {
      String[] columnPath = PATHS[i];
      if (columnPath.length < depth || !prefixMatches(columnPath, depth)) {
        continue;
      }
      if (columnPath.length > depth) {
        // a scalar where an object leading to a column belongs: read as missing on either path
        return true;
      }
      boolean bool = COLUMNS.get(i).type() == ColumnType.BOOLEAN;
      switch (token) {
        case VALUE_NULL -> values[i] = null;
        case VALUE_STRING -> {
          String text = parser.getText();
          if (bool) {
            if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
              return false;
            }
            values[i] = text.equalsIgnoreCase("true") ? "true" : "false";
          } else {
            values[i] = text;
          }
        }
        case VALUE_TRUE -> values[i] = "true";
        case VALUE_FALSE -> values[i] = "false";
        default -> {
          return false;
        }
      }
      return true;
    }
    return true;
  }

  private boolean prefixMatches(String[] columnPath, int depth) {
    for (int d = 0; d < depth; d++) {
      if (!columnPath[d].equals(path[d])) {
        return false;
      }
    }
    return true;
  }

  /** The slow path, as the columns were always read: by path through the tree of the copied object. */
  private String readTree(JsonNode identity, EventRow row) {
    row.set(EventColumn.USER_IDENTITY, identity.toString());
    for (int i = 0; i < COLUMNS.size(); i++) {
      EventColumn column = COLUMNS.get(i);
      JsonNode node = identity;
      for (String part : PATHS[i]) {
        node = node.path(part);
      }
      if (node.isMissingNode() || node.isNull()) {
        continue;
      }
      if (column.type() == ColumnType.BOOLEAN) {
        Boolean parsed = node.isBoolean() ? Boolean.valueOf(node.booleanValue()) : parseBoolean(node.asText());
        if (parsed == null) {
          return column.jsonPath() + " should be true or false but is " + Texts.abbreviate(node.toString(), 40);
        }
        row.set(column, parsed);
      } else if (node.isValueNode()) {
        row.set(column, node.asText());
      } else {
        return column.jsonPath() + " should be a string but is a " + node.getNodeType().name().toLowerCase();
      }
    }
    return null;
  }

  private static Boolean parseBoolean(String text) {
    if (text.equalsIgnoreCase("true")) {
      return Boolean.TRUE;
    }
    if (text.equalsIgnoreCase("false")) {
      return Boolean.FALSE;
    }
    return null;
  }
}
