package io.trailsleuth.ingest;

import io.trailsleuth.model.ColumnType;
import io.trailsleuth.model.EventColumn;
import io.trailsleuth.model.EventRow;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Scans a whole decoded {@code {"Records":[...]}} document byte by byte: checks that it is valid JSON and finds each
 * record's bounds and, for plain records, its column values as slices of the input, so they reach Arrow without a
 * parser, a {@code String} or a copy. A record it cannot vouch for (unknown or repeated fields, escaped names or
 * values, values of unusual types, nested values that Jackson would write differently) is marked for the streaming
 * extractor; a document it cannot vouch for (invalid JSON, any other shape, limits near Jackson's) fails the scan, and
 * the whole file takes the streaming path, so rows, rejects and offsets never depend on which path ran.
 * Not thread-safe: each {@link SourceReader} owns one.
 */
final class RecordsScanner {
  private static final EventColumn[] COLUMNS = EventColumn.values();
  private static final int WIDTH = COLUMNS.length;
  /** Far inside Jackson's limits ({@link JsonSettings}), so that no document passing here fails there. */
  private static final int MAX_DEPTH = JsonSettings.MAX_NESTING_DEPTH - 50;
  private static final int MAX_STRING_BYTES = JsonSettings.MAX_STRING_LENGTH;
  private static final int MAX_NUMBER_BYTES = JsonSettings.MAX_NUMBER_LENGTH;
  private static final int MAX_NAME_BYTES = JsonSettings.MAX_NAME_LENGTH;
  private static final byte[] RECORDS = "\"Records\"".getBytes(StandardCharsets.US_ASCII);
  private static final NameNode TOP_LEVEL = NameNode.topLevel();
  private static final NameNode IDENTITY = NameNode.identity();

  private static final byte NONE = 0;
  private static final byte SLICE = 1;
  private static final byte FALSE = 2;
  private static final byte TRUE = 3;
  /** The record's eventTime, parsed into {@code times}. */
  private static final byte TIME = 4;

  /** Thrown (without a stack trace) when the document is not one this scanner vouches for. */
  private static final class Unsupported extends Exception {
    private static final long serialVersionUID = 1L;

    Unsupported() {
      super(null, null, false, false);
    }
  }

  private static final Unsupported UNSUPPORTED = new Unsupported();

  private byte[] bytes;
  private int end;
  private int depth;
  /** Set when a value holds white space, a fraction, an exponent, "-0" or an escape Jackson writes otherwise. */
  private boolean dirty;
  /** Set by {@link #string} when the string holds any escape. */
  private boolean escaped;
  /** False once the current record needs the streaming extractor. */
  private boolean plain;

  private int records;
  private int[] starts = new int[256];
  private int[] ends = new int[256];
  private boolean[] plains = new boolean[256];
  private long[] times = new long[256];
  private byte[] kinds = new byte[256 * WIDTH];
  private int[] offsets = new int[256 * WIDTH];
  private int[] lengths = new int[256 * WIDTH];
  /** Field names of the open userIdentity objects, for the repeated-name check: start and length pairs. */
  private int[] names = new int[64];

  /** Scans {@code length} bytes; returns false when the file must take the streaming path. */
  boolean scan(byte[] input, int length) {
    bytes = input;
    end = length;
    records = 0;
    depth = 0;
    try {
      int position = whiteSpace(0);
      position = expect(position, '{');
      position = whiteSpace(position);
      if (!startsWith(position, RECORDS)) {
        return false;
      }
      position = whiteSpace(position + RECORDS.length);
      position = whiteSpace(expect(position, ':'));
      position = whiteSpace(expect(position, '['));
      depth = 2;
      if (at(position) == ']') {
        position++;
      } else {
        while (true) {
          if (at(position) != '{') {
            return false;
          }
          position = whiteSpace(record(position));
          if (closes(position++, ']')) {
            break;
          }
          position = whiteSpace(position);
        }
      }
      position = whiteSpace(expect(whiteSpace(position), '}'));
      return position == end;
    } catch (Unsupported e) {
      return false;
    }
  }

  /** Records found by the last successful scan. */
  int records() {
    return records;
  }

  /** Where record {@code index} starts ('{') in the input. */
  int start(int index) {
    return starts[index];
  }

  /** Where record {@code index} ends: just after its '}'. */
  int end(int index) {
    return ends[index];
  }

  /** True when record {@code index} was read here; false when the streaming extractor must read it. */
  boolean isPlain(int index) {
    return plains[index];
  }

  /** Fills {@code row} (cleared first) with the columns of plain record {@code index}. */
  void fill(int index, EventRow row) {
    row.clear();
    int base = index * WIDTH;
    for (int c = 0; c < WIDTH; c++) {
      switch (kinds[base + c]) {
        case SLICE -> row.setSlice(COLUMNS[c], bytes, offsets[base + c], lengths[base + c]);
        case FALSE -> row.set(COLUMNS[c], Boolean.FALSE);
        case TRUE -> row.set(COLUMNS[c], Boolean.TRUE);
        default -> {
          // absent or null, or the eventTime set below
        }
      }
    }
    row.set(EventColumn.EVENT_TIME, times[index]);
    row.set(EventColumn.EVENT_ID_DERIVED, Boolean.FALSE);
  }

  /** Scans one record object at {@code position}; returns the position after it. */
  private int record(int position) throws Unsupported {
    int index = records;
    grow(index + 1);
    int base = index * WIDTH;
    Arrays.fill(kinds, base, base + WIDTH, NONE);
    starts[index] = position;
    plain = true;
    depth++;
    position = whiteSpace(position + 1);
    if (at(position) == '}') {
      plain = false;
      position++;
    } else {
      while (true) {
        int nameStart = position + 1;
        position = string(quote(position));
        int column = escaped ? -1 : TOP_LEVEL.child(bytes, nameStart, position - 1);
        if (column < 0 || kinds[base + column] != NONE) {
          // an unknown field (kept in extra_fields), a repeated one, or an escaped name
          plain = false;
        }
        position = whiteSpace(expect(whiteSpace(position), ':'));
        position = plain ? column(position, column, base) : value(position);
        position = whiteSpace(position);
        if (closes(position++, '}')) {
          break;
        }
        position = whiteSpace(position);
      }
    }
    depth--;
    ends[index] = position;
    byte[] kind = kinds;
    plains[index] = plain && kind[base + EventColumn.EVENT_TIME.ordinal()] != NONE
        && kind[base + EventColumn.EVENT_ID.ordinal()] != NONE
        && (kind[base + EventColumn.EVENT_NAME.ordinal()] != NONE || kind[base + EventColumn.EVENT_SOURCE.ordinal()] != NONE);
    records++;
    return position;
  }

  /** Scans the value of a top-level field into its column; clears {@link #plain} when it cannot. */
  private int column(int position, int column, int base) throws Unsupported {
    EventColumn target = COLUMNS[column];
    int b = at(position);
    if (b == 'n') {
      // null leaves the column empty, as in the streaming extractor: a later value of the same name still fills it
      return value(position);
    }
    if (target == EventColumn.USER_IDENTITY) {
      if (b != '{') {
        plain = false;
        return value(position);
      }
      dirty = false;
      int start = position;
      position = identity(position, IDENTITY, 0, base);
      plain &= !dirty;
      put(base, column, start, position);
      return position;
    }
    ColumnType type = target.type();
    if (type == ColumnType.JSON) {
      dirty = false;
      int start = position;
      position = value(position);
      plain &= !dirty;
      put(base, column, start, position);
      return position;
    }
    if (b == '"') {
      int start = position + 1;
      position = string(position);
      if (escaped) {
        plain = false;
        return position;
      }
      if (type == ColumnType.STRING) {
        put(base, column, start, position - 1);
      } else if (type == ColumnType.BOOLEAN) {
        putBoolean(base, column, start, position - 1);
      } else if (type == ColumnType.TIMESTAMP) {
        try {
          times[records] = EventTimes.parseMicros(new String(bytes, start, position - 1 - start, StandardCharsets.UTF_8));
          kinds[base + column] = TIME;
        } catch (IllegalArgumentException e) {
          plain = false;
        }
      } else {
        plain = false;
      }
      return position;
    }
    if (type == ColumnType.BOOLEAN && (b == 't' || b == 'f')) {
      int after = value(position);
      kinds[base + column] = b == 't' ? TRUE : FALSE;
      return after;
    }
    plain = false;
    return value(position);
  }

  private void put(int base, int column, int start, int stop) {
    kinds[base + column] = SLICE;
    offsets[base + column] = start;
    lengths[base + column] = stop - start;
  }

  private void putBoolean(int base, int column, int start, int stop) {
    if (equalsIgnoreCase(start, stop, "true")) {
      kinds[base + column] = TRUE;
    } else if (equalsIgnoreCase(start, stop, "false")) {
      kinds[base + column] = FALSE;
    } else {
      plain = false;
    }
  }

  private boolean equalsIgnoreCase(int start, int stop, String word) {
    if (stop - start != word.length()) {
      return false;
    }
    for (int i = 0; i < word.length(); i++) {
      int b = bytes[start + i];
      if (b >= 'A' && b <= 'Z') {
        b += 'a' - 'A';
      }
      if (b != word.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Scans an object inside userIdentity at {@code position}: {@code node} is its place on the way to the identity
   * columns (null off every column's path). Clears {@link #plain} for a repeated or escaped name and for a value of a
   * type the streaming reader treats specially; {@code nameBase} is where this object's names go in {@link #names}.
   */
  private int identity(int position, NameNode node, int nameBase, int base) throws Unsupported {
    enter();
    int count = 0;
    position = whiteSpaceIn(position + 1);
    if (at(position) == '}') {
      leave();
      return position + 1;
    }
    while (true) {
      int nameStart = position + 1;
      position = string(quote(position));
      int nameLength = position - 1 - nameStart;
      if (escaped || repeated(nameBase, count, nameStart, nameLength)) {
        plain = false;
      }
      int slot = nameBase + 2 * count;
      if (slot + 2 > names.length) {
        names = Arrays.copyOf(names, names.length * 2);
      }
      names[slot] = nameStart;
      names[slot + 1] = nameLength;
      count++;
      position = whiteSpaceIn(expect(whiteSpaceIn(position), ':'));
      NameNode child = node == null ? null : node.node(bytes, nameStart, nameStart + nameLength);
      // a nested object's names go after this object's, and are dropped once it closes
      position = identityValue(position, child, nameBase + 2 * count, base);
      position = whiteSpaceIn(position);
      if (closes(position++, '}')) {
        break;
      }
      position = whiteSpaceIn(position);
    }
    leave();
    return position;
  }

  private int identityValue(int position, NameNode child, int nameBase, int base) throws Unsupported {
    int b = at(position);
    if (child == null) {
      return offPath(position, nameBase, base);
    }
    if (child.column < 0) {
      if (b == '{') {
        return identity(position, child, nameBase, base);
      }
      if (b == '[') {
        plain = false;
      }
      return value(position);
    }
    int column = child.column;
    if (b == '"') {
      int start = position + 1;
      position = string(position);
      if (escaped) {
        plain = false;
      } else if (COLUMNS[column].type() == ColumnType.BOOLEAN) {
        putBoolean(base, column, start, position - 1);
      } else {
        put(base, column, start, position - 1);
      }
      return position;
    }
    if (b == 'n') {
      kinds[base + column] = NONE;
      return value(position);
    }
    if ((b == 't' || b == 'f') && COLUMNS[column].type() == ColumnType.BOOLEAN) {
      kinds[base + column] = b == 't' ? TRUE : FALSE;
      return value(position);
    }
    plain = false;
    return value(position);
  }

  /** A value inside userIdentity off every column's path: its objects are still checked for repeated names. */
  private int offPath(int position, int nameBase, int base) throws Unsupported {
    int b = at(position);
    if (b == '{') {
      return identity(position, null, nameBase, base);
    }
    if (b != '[') {
      return value(position);
    }
    enter();
    position = whiteSpaceIn(position + 1);
    if (at(position) == ']') {
      leave();
      return position + 1;
    }
    while (true) {
      position = whiteSpaceIn(offPath(position, nameBase, base));
      if (closes(position++, ']')) {
        leave();
        return position;
      }
      position = whiteSpaceIn(position);
    }
  }

  private boolean repeated(int nameBase, int count, int start, int length) {
    for (int i = 0; i < count; i++) {
      int slot = nameBase + 2 * i;
      if (names[slot + 1] == length && Arrays.equals(bytes, names[slot], names[slot] + length, bytes, start, start + length)) {
        return true;
      }
    }
    return false;
  }

  /** Scans any JSON value at {@code position}; returns the position after it. */
  private int value(int position) throws Unsupported {
    int b = at(position);
    switch (b) {
      case '"' -> {
        return string(position);
      }
      case '{' -> {
        enter();
        position = whiteSpaceIn(position + 1);
        if (at(position) == '}') {
          leave();
          return position + 1;
        }
        while (true) {
          position = string(quote(position));
          position = whiteSpaceIn(expect(whiteSpaceIn(position), ':'));
          position = whiteSpaceIn(value(whiteSpaceIn(position)));
          if (closes(position++, '}')) {
            leave();
            return position;
          }
          position = whiteSpaceIn(position);
        }
      }
      case '[' -> {
        enter();
        position = whiteSpaceIn(position + 1);
        if (at(position) == ']') {
          leave();
          return position + 1;
        }
        while (true) {
          position = whiteSpaceIn(value(position));
          if (closes(position++, ']')) {
            leave();
            return position;
          }
          position = whiteSpaceIn(position);
        }
      }
      case 't' -> {
        return literal(position, "true");
      }
      case 'f' -> {
        return literal(position, "false");
      }
      case 'n' -> {
        return literal(position, "null");
      }
      default -> {
        return number(position);
      }
    }
  }

  private void enter() throws Unsupported {
    if (++depth > MAX_DEPTH) {
      throw UNSUPPORTED;
    }
  }

  private void leave() {
    depth--;
  }

  private int literal(int position, String word) throws Unsupported {
    if (position + word.length() > end) {
      throw UNSUPPORTED;
    }
    for (int i = 0; i < word.length(); i++) {
      if (bytes[position + i] != word.charAt(i)) {
        throw UNSUPPORTED;
      }
    }
    return followedBySeparator(position + word.length());
  }

  /** A JSON number; fractions, exponents and "-0" are valid but make the value dirty (Jackson rewrites them). */
  private int number(int position) throws Unsupported {
    int start = position;
    if (at(position) == '-') {
      position++;
    }
    int first = at(position);
    if (first == '0') {
      position++;
      if (position - start == 2 && !isFractionOrExponent(position)) {
        dirty = true;
      }
    } else if (first >= '1' && first <= '9') {
      position = digits(position);
    } else {
      throw UNSUPPORTED;
    }
    if (position < end && bytes[position] == '.') {
      dirty = true;
      position = requireDigits(position + 1);
    }
    if (position < end && (bytes[position] == 'e' || bytes[position] == 'E')) {
      dirty = true;
      position++;
      if (position < end && (bytes[position] == '+' || bytes[position] == '-')) {
        position++;
      }
      position = requireDigits(position);
    }
    if (position - start > MAX_NUMBER_BYTES) {
      throw UNSUPPORTED;
    }
    return followedBySeparator(position);
  }

  private boolean isFractionOrExponent(int position) {
    return position < end && (bytes[position] == '.' || bytes[position] == 'e' || bytes[position] == 'E');
  }

  private int requireDigits(int position) throws Unsupported {
    int b = at(position);
    if (b < '0' || b > '9') {
      throw UNSUPPORTED;
    }
    return digits(position);
  }

  private int digits(int position) {
    while (position < end && bytes[position] >= '0' && bytes[position] <= '9') {
      position++;
    }
    return position;
  }

  /** A scalar must be followed by white space, ',', '}', ']' or the end: "truex" and "12a" are not JSON. */
  private int followedBySeparator(int position) throws Unsupported {
    if (position < end) {
      int b = bytes[position];
      if (b != ',' && b != '}' && b != ']' && b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        throw UNSUPPORTED;
      }
    }
    return position;
  }

  /**
   * A string whose opening quote is at {@code position}; returns the position after its closing quote. Sets
   * {@link #escaped} when it holds an escape, and {@link #dirty} when one of them is not the one Jackson writes.
   */
  private int string(int position) throws Unsupported {
    int start = position;
    escaped = false;
    position++;
    while (true) {
      position = JsonBytes.plainRunEnd(bytes, position, end);
      if (position >= end) {
        throw UNSUPPORTED;
      }
      int b = bytes[position] & 0xff;
      if (b == '"') {
        if (position - start > MAX_STRING_BYTES) {
          throw UNSUPPORTED;
        }
        return position + 1;
      }
      if (b == '\\') {
        position = escape(position);
      } else if (b >= 0x80) {
        int length = JsonBytes.utf8SequenceLength(bytes, position, end);
        if (length < 0) {
          throw UNSUPPORTED;
        }
        position += length;
      } else {
        // a raw control byte
        throw UNSUPPORTED;
      }
    }
  }

  /** An escape at {@code position} (its backslash); returns the position after it. */
  private int escape(int position) throws Unsupported {
    escaped = true;
    int b = at(position + 1);
    switch (b) {
      case '"', '\\', 'b', 'f', 'n', 'r', 't' -> {
        return position + 2;
      }
      case '/' -> {
        dirty = true;
        return position + 2;
      }
      case 'u' -> {
        int code = 0;
        for (int i = 2; i < 6; i++) {
          int digit = Character.digit(at(position + i), 16);
          if (digit < 0) {
            throw UNSUPPORTED;
          }
          code = code * 16 + digit;
        }
        // Jackson writes \\u00XX (upper-case hex) for control characters without a short escape, and the rest raw
        boolean shortForm = code == 0x08 || code == 0x09 || code == 0x0A || code == 0x0C || code == 0x0D;
        boolean upperCase = bytes[position + 5] < 'a';
        if (code >= 0x20 || shortForm || !upperCase) {
          dirty = true;
        }
        return position + 6;
      }
      default -> throw UNSUPPORTED;
    }
  }

  /** True when the byte at {@code position} closes the container ({@code close}), false for a comma. */
  private boolean closes(int position, char close) throws Unsupported {
    int b = at(position);
    if (b == close) {
      return true;
    }
    if (b != ',') {
      throw UNSUPPORTED;
    }
    return false;
  }

  private int whiteSpace(int position) {
    while (position < end) {
      int b = bytes[position];
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        break;
      }
      position++;
    }
    return position;
  }

  /** White space inside a copied value: Jackson's compact copy drops it, so the value is dirty. */
  private int whiteSpaceIn(int position) {
    int after = whiteSpace(position);
    if (after != position) {
      dirty = true;
    }
    return after;
  }

  private int at(int position) throws Unsupported {
    if (position >= end) {
      throw UNSUPPORTED;
    }
    return bytes[position];
  }

  private int expect(int position, char expected) throws Unsupported {
    if (at(position) != expected) {
      throw UNSUPPORTED;
    }
    return position + 1;
  }

  /** Checks that a string opens at {@code position} and returns it unchanged, for {@link #string}. */
  private int quote(int position) throws Unsupported {
    if (at(position) != '"') {
      throw UNSUPPORTED;
    }
    return position;
  }

  private boolean startsWith(int position, byte[] prefix) {
    return position + prefix.length <= end && Arrays.equals(bytes, position, position + prefix.length, prefix, 0, prefix.length);
  }

  private void grow(int count) {
    if (count <= starts.length) {
      return;
    }
    int size = Math.max(count, starts.length * 2);
    starts = Arrays.copyOf(starts, size);
    ends = Arrays.copyOf(ends, size);
    plains = Arrays.copyOf(plains, size);
    times = Arrays.copyOf(times, size);
    kinds = Arrays.copyOf(kinds, size * WIDTH);
    offsets = Arrays.copyOf(offsets, size * WIDTH);
    lengths = Arrays.copyOf(lengths, size * WIDTH);
  }

  /** One field name on the way to the columns: its children by UTF-8 name, and the column it ends (or none). */
  private static final class NameNode {
    static final int NO_COLUMN = -1;
    private final List<byte[]> childNames = new ArrayList<>();
    private final List<NameNode> children = new ArrayList<>();
    final int column;

    private NameNode(int column) {
      this.column = column;
    }

    /** The top-level record fields: each a leaf with its column. */
    static NameNode topLevel() {
      NameNode root = new NameNode(NO_COLUMN);
      for (EventColumn column : COLUMNS) {
        if (column.isTopLevelField() || column == EventColumn.USER_IDENTITY) {
          root.add(column.jsonPath(), new NameNode(column.ordinal()));
        }
      }
      return root;
    }

    /** The paths below userIdentity to its columns, as a tree. */
    static NameNode identity() {
      NameNode root = new NameNode(NO_COLUMN);
      for (EventColumn column : COLUMNS) {
        if (!column.isUserIdentityField()) {
          continue;
        }
        String[] parts = column.jsonPath().substring("userIdentity.".length()).split("\\.");
        NameNode node = root;
        for (int i = 0; i < parts.length; i++) {
          boolean leaf = i == parts.length - 1;
          NameNode next = node.node(parts[i]);
          if (next == null) {
            next = new NameNode(leaf ? column.ordinal() : NO_COLUMN);
            node.add(parts[i], next);
          }
          node = next;
        }
      }
      return root;
    }

    private void add(String name, NameNode node) {
      childNames.add(name.getBytes(StandardCharsets.UTF_8));
      children.add(node);
    }

    private NameNode node(String name) {
      byte[] wanted = name.getBytes(StandardCharsets.UTF_8);
      return node(wanted, 0, wanted.length);
    }

    /** The child named by bytes {@code start} to {@code stop}, or null. */
    NameNode node(byte[] source, int start, int stop) {
      int length = stop - start;
      for (int i = 0; i < childNames.size(); i++) {
        byte[] name = childNames.get(i);
        if (name.length == length && Arrays.equals(name, 0, length, source, start, stop)) {
          return children.get(i);
        }
      }
      return null;
    }

    /** The column of the child named by bytes {@code start} to {@code stop}; -1 when there is no such child. */
    int child(byte[] source, int start, int stop) {
      NameNode node = node(source, start, stop);
      return node == null ? NO_COLUMN : node.column;
    }
  }
}
