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
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
  private static final String[][] NAMES =
      COLUMNS.stream().map(c -> c.jsonPath().substring("userIdentity.".length()).split("\\.")).toArray(String[][]::new);
  /** The same names as a tree. */
  private static final PathNode PATHS = PathNode.of(NAMES);

  private final ObjectMapper mapper;
  private final String[] values = new String[COLUMNS.size()];
  /** The names seen so far in each open object, by depth, to notice a repeated name. */
  private final List<NameSet> namesByDepth = new ArrayList<>();
  /** The path node of each open container, by depth; null off every column's path. */
  private PathNode[] containers = new PathNode[8];
  /** The path node of the current field in each open object, by depth; null off every column's path. */
  private PathNode[] fields = new PathNode[8];

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
    byte[] text = copy.finish();
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
          PathNode node = depth == 0 ? PATHS : valueNode(depth);
          // an object where a column's value belongs
          simple &= node == null || node.column < 0;
          while (namesByDepth.size() <= depth) {
            namesByDepth.add(new NameSet());
          }
          namesByDepth.get(depth).clear();
          open(depth, node);
          depth++;
        }
        case START_ARRAY -> {
          // an array on a column's path, where a value or an object leading to one belongs
          simple &= valueNode(depth) == null;
          open(depth, null);
          depth++;
        }
        case END_OBJECT, END_ARRAY -> depth--;
        case FIELD_NAME -> {
          String name = parser.currentName();
          if (!namesByDepth.get(depth - 1).add(name)) {
            simple = false;
          }
          PathNode container = containers[depth - 1];
          fields[depth - 1] = container == null ? null : container.children.get(name);
        }
        default -> simple &= scalar(parser, token, valueNode(depth));
      }
      token = depth == 0 ? null : parser.nextToken();
    } while (token != null);
    return simple;
  }

  /** The path node of a value at {@code depth}: its field's node inside an object, none inside an array. */
  private PathNode valueNode(int depth) {
    return containers[depth - 1] == null ? null : fields[depth - 1];
  }

  private void open(int depth, PathNode node) {
    if (depth == containers.length) {
      containers = Arrays.copyOf(containers, depth * 2);
      fields = Arrays.copyOf(fields, depth * 2);
    }
    containers[depth] = node;
    fields[depth] = null;
  }

  /** Records a scalar that is a column; returns false when its type needs the slow path. */
  private boolean scalar(JsonParser parser, JsonToken token, PathNode node) throws IOException {
    if (node == null || node.column < 0) {
      // off every path, or a scalar where an object leading to a column belongs: read as missing on either path
      return true;
    }
    int i = node.column;
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

  /** The names of one object, compared by hash first: most objects hold a handful of names and none twice. */
  private static final class NameSet {
    private int[] hashes = new int[16];
    private String[] names = new String[16];
    private int size;

    void clear() {
      size = 0;
    }

    /** Adds a name; returns false when the object already has it. */
    boolean add(String name) {
      int hash = name.hashCode();
      for (int i = 0; i < size; i++) {
        if (hashes[i] == hash && names[i].equals(name)) {
          return false;
        }
      }
      if (size == names.length) {
        hashes = Arrays.copyOf(hashes, size * 2);
        names = Arrays.copyOf(names, size * 2);
      }
      hashes[size] = hash;
      names[size++] = name;
      return true;
    }
  }

  /** One name on the way to the columns: its children, and the column it ends, if any (-1 when none). */
  private static final class PathNode {
    final Map<String, PathNode> children = new HashMap<>();
    int column = -1;

    static PathNode of(String[][] paths) {
      PathNode root = new PathNode();
      for (int i = 0; i < paths.length; i++) {
        PathNode node = root;
        for (String name : paths[i]) {
          node = node.children.computeIfAbsent(name, n -> new PathNode());
        }
        node.column = i;
      }
      return root;
    }
  }

  /** The slow path, as the columns were always read: by path through the tree of the copied object. */
  private String readTree(JsonNode identity, EventRow row) {
    row.set(EventColumn.USER_IDENTITY, identity.toString().getBytes(StandardCharsets.UTF_8));
    for (int i = 0; i < COLUMNS.size(); i++) {
      EventColumn column = COLUMNS.get(i);
      JsonNode node = identity;
      for (String part : NAMES[i]) {
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
