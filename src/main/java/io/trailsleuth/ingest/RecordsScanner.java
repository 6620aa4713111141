package io.trailsleuth.ingest;

import io.trailsleuth.model.ColumnType;
import io.trailsleuth.model.EventColumn;
import io.trailsleuth.model.EventRow;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

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
  private static final byte[] TRUE_LITERAL = "true".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] FALSE_LITERAL = "false".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] NULL_LITERAL = "null".getBytes(StandardCharsets.US_ASCII);
  private static final NameNode TOP_LEVEL = NameNode.topLevel();
  private static final NameNode IDENTITY = NameNode.identity();

  private static final byte NONE = 0;
  private static final byte SLICE = 1;
  private static final byte FALSE = 2;
  private static final byte TRUE = 3;
  /** The record's eventTime, parsed into {@code times}. */
  private static final byte TIME = 4;
  /**
   * By a value's first byte, the kind of the JSON boolean it can start (TRUE, FALSE or NONE), and by kind the literal:
   * tables rather than branches, so that the first false of a column after a run of trues does not deoptimise the
   * compiled scan.
   */
  private static final byte[] BOOLEAN_KINDS = new byte[256];
  private static final byte[][] BOOLEAN_LITERALS = new byte[TRUE + 1][];

  static {
    BOOLEAN_KINDS['t'] = TRUE;
    BOOLEAN_KINDS['f'] = FALSE;
    BOOLEAN_LITERALS[TRUE] = TRUE_LITERAL;
    BOOLEAN_LITERALS[FALSE] = FALSE_LITERAL;
  }

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
  /** The members found by {@link #scanFirstObject}: start and end of each name, and whether its value is an object. */
  private int members;
  private int[] memberNames = new int[64];
  private boolean[] memberObjects = new boolean[32];
  /** Field names of the open userIdentity objects, for the repeated-name check: start and length pairs. */
  private int[] names = new int[64];
  /** By depth, for the open containers of the value being scanned: object (true) or array. */
  private final boolean[] objects = new boolean[MAX_DEPTH + 1];
  /** By depth, for the open objects inside userIdentity: their place on the way to the columns, or null. */
  private final NameNode[] nodes = new NameNode[MAX_DEPTH + 1];
  /** By depth, for the open objects inside userIdentity: where their names start in {@link #names}, and how many. */
  private final int[] nameBases = new int[MAX_DEPTH + 1];
  private final int[] counts = new int[MAX_DEPTH + 1];

  /** Scans {@code length} bytes; returns false when the file must take the streaming path. */
  boolean scan(byte[] input, int length) {
    records = 0;
    int position = begin(input, length);
    try {
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

  /**
   * Scans the first JSON value of {@code length} bytes, after white space, when it is an object, to its closing brace;
   * what follows is not read. Keeps its member names for {@link #memberCount()}, {@link #memberName} and
   * {@link #memberIsObject}. Returns false when the value is not an object or not one this scanner vouches for (invalid
   * JSON, an escaped name, limits near Jackson's); then nothing is kept.
   */
  boolean scanFirstObject(byte[] input, int length) {
    members = 0;
    int position = begin(input, length);
    try {
      if (at(position) != '{') {
        return false;
      }
      depth = 1;
      position = whiteSpace(position + 1);
      if (at(position) == '}') {
        return true;
      }
      while (true) {
        int nameStart = position + 1;
        position = name(position);
        if (escaped) {
          members = 0;
          return false;
        }
        int nameEnd = position - 1;
        position = whiteSpace(expect(whiteSpace(position), ':'));
        boolean object = at(position) == '{';
        position = value(position);
        if (2 * members + 2 > memberNames.length) {
          memberNames = Arrays.copyOf(memberNames, memberNames.length * 2);
          memberObjects = Arrays.copyOf(memberObjects, memberObjects.length * 2);
        }
        memberNames[2 * members] = nameStart;
        memberNames[2 * members + 1] = nameEnd;
        memberObjects[members++] = object;
        position = whiteSpace(position);
        if (closes(position++, '}')) {
          return true;
        }
        position = whiteSpace(position);
      }
    } catch (Unsupported e) {
      members = 0;
      return false;
    }
  }

  /** Starts reading {@code length} bytes of {@code input} at depth 0; returns the position after any white space. */
  private int begin(byte[] input, int length) {
    bytes = input;
    end = length;
    depth = 0;
    return whiteSpace(0);
  }

  /** Members of the object found by the last successful {@link #scanFirstObject}. */
  int memberCount() {
    return members;
  }

  /** The name of member {@code index}, in order. */
  String memberName(int index) {
    int start = memberNames[2 * index];
    return new String(bytes, start, memberNames[2 * index + 1] - start, StandardCharsets.UTF_8);
  }

  /** True when the value of member {@code index} is an object. */
  boolean memberIsObject(int index) {
    return memberObjects[index];
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
        position = name(position);
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
      return literal(position, NULL_LITERAL);
    }
    if (target == EventColumn.USER_IDENTITY) {
      if (b != '{') {
        plain = false;
        return value(position);
      }
      dirty = false;
      int start = position;
      position = identity(position, base);
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
        putTime(base, column, start, position - 1);
      } else {
        plain = false;
      }
      return position;
    }
    byte kind = BOOLEAN_KINDS[b & 0xff];
    if (type == ColumnType.BOOLEAN && kind != NONE) {
      int after = literal(position, BOOLEAN_LITERALS[kind]);
      kinds[base + column] = kind;
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

  private void putTime(int base, int column, int start, int stop) {
    try {
      times[records] = EventTimes.parseMicros(bytes, start, stop - start);
      kinds[base + column] = TIME;
    } catch (IllegalArgumentException e) {
      plain = false;
    }
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
   * Scans the userIdentity object at {@code position} into its columns, without recursion: the open objects and
   * arrays are kept in {@link #objects}, {@link #nodes}, {@link #nameBases} and {@link #counts}, indexed by depth.
   * A value's {@code child} is its name's place on the way to the identity columns (null off every column's path).
   * Clears {@link #plain} for a repeated or escaped name and for a value of a type the streaming reader treats
   * specially. An object's names go in {@link #names} after those of the objects around it, and are dropped once it
   * closes.
   */
  private int identity(int position, int base) throws Unsupported {
    int outer = depth;
    NameNode child = IDENTITY;
    int nameBase = 0;
    while (true) {
      int b = at(position);
      boolean member = false;
      if (b == '{' && (child == null || child.column < 0)) {
        position = open(position, true, child, nameBase);
        member = at(position) != '}';
        if (!member) {
          leave();
          position++;
        }
      } else if (b == '[' && child == null) {
        // an array off every column's path: its objects are still checked for repeated names
        position = open(position, false, null, nameBase);
        if (at(position) != ']') {
          continue;
        }
        leave();
        position++;
      } else if (b == '[') {
        // an array on a column's path or in a column: the streaming reader treats it specially
        plain = false;
        position = value(position);
      } else if (child == null || child.column < 0) {
        position = scalar(position, b);
      } else {
        position = identityColumn(position, b, child.column, base);
      }
      if (!member) {
        position = next(position, outer);
        if (depth == outer) {
          return position;
        }
        if (!objects[depth]) {
          child = null;
          nameBase = nameBases[depth];
          continue;
        }
      }
      int nameStart = position + 1;
      position = name(position);
      int nameLength = position - 1 - nameStart;
      int count = counts[depth];
      nameBase = nameBases[depth] + 2 * count;
      if (escaped || repeated(nameBases[depth], count, nameStart, nameLength)) {
        plain = false;
      }
      if (nameBase + 2 > names.length) {
        names = Arrays.copyOf(names, names.length * 2);
      }
      names[nameBase] = nameStart;
      names[nameBase + 1] = nameLength;
      counts[depth] = count + 1;
      nameBase += 2;
      NameNode node = nodes[depth];
      child = node == null ? null : node.node(bytes, nameStart, nameStart + nameLength);
      position = whiteSpaceIn(expect(whiteSpaceIn(position), ':'));
    }
  }

  /**
   * Opens the object or array at {@code position} inside userIdentity; returns the position of its first member or
   * element (or of its closing bracket), after any white space.
   */
  private int open(int position, boolean object, NameNode node, int nameBase) throws Unsupported {
    enter();
    objects[depth] = object;
    nodes[depth] = node;
    nameBases[depth] = nameBase;
    counts[depth] = 0;
    return whiteSpaceIn(position + 1);
  }

  /** The value of a userIdentity field that has a column of its own. */
  private int identityColumn(int position, int b, int column, int base) throws Unsupported {
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
      return scalar(position, b);
    }
    byte kind = BOOLEAN_KINDS[b & 0xff];
    if (kind != NONE && COLUMNS[column].type() == ColumnType.BOOLEAN) {
      kinds[base + column] = kind;
      return literal(position, BOOLEAN_LITERALS[kind]);
    }
    plain = false;
    return value(position);
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

  /**
   * Scans any JSON value at {@code position}; returns the position after it. One loop walks the whole value, with the
   * kind of each open container in {@link #objects}, and reads its scalars in place. As one method too large for C2
   * to inline, it is compiled once instead of into each caller (the JSON columns, userIdentity, unknown fields), and a
   * value that deoptimises it (an escape, a kind of scalar not seen before) recompiles only this method.
   */
  private int value(int position) throws Unsupported {
    int outer = depth;
    while (true) {
      int b = at(position);
      switch (b) {
        case '{', '[' -> {
          enter();
          boolean object = b == '{';
          objects[depth] = object;
          position = whiteSpaceIn(position + 1);
          if (at(position) != (object ? '}' : ']')) {
            if (object) {
              position = name(position);
              position = whiteSpaceIn(expect(whiteSpaceIn(position), ':'));
            }
            continue;
          }
          leave();
          position++;
        }
        case '"' -> {
          // string()'s plain path, written out here: it keeps this method above C2's FreqInlineSize (325 bytes)
          int stop = JsonBytes.plainRunEnd(bytes, position + 1, end);
          position = stop < end && bytes[stop] == '"' && stop - position <= MAX_STRING_BYTES
              ? stop + 1
              : stringRest(position, stop);
        }
        case 't' -> position = literal(position, TRUE_LITERAL);
        case 'f' -> position = literal(position, FALSE_LITERAL);
        case 'n' -> position = literal(position, NULL_LITERAL);
        default -> position = number(position);
      }
      position = next(position, outer);
      if (depth == outer) {
        return position;
      }
      if (objects[depth]) {
        position = name(position);
        position = whiteSpaceIn(expect(whiteSpaceIn(position), ':'));
      }
    }
  }

  /**
   * After a value inside the containers opened above depth {@code outer}: closes those that end here and returns the
   * position of the next array element or member name, or, once all are closed, the position after the last one.
   */
  private int next(int position, int outer) throws Unsupported {
    while (depth > outer) {
      position = whiteSpaceIn(position);
      boolean object = objects[depth];
      if (!closes(position++, object ? '}' : ']')) {
        return whiteSpaceIn(position);
      }
      leave();
    }
    return position;
  }

  /** A string, literal or number whose first byte {@code b} is at {@code position}. */
  private int scalar(int position, int b) throws Unsupported {
    switch (b) {
      case '"' -> {
        return string(position);
      }
      case 't' -> {
        return literal(position, TRUE_LITERAL);
      }
      case 'f' -> {
        return literal(position, FALSE_LITERAL);
      }
      case 'n' -> {
        return literal(position, NULL_LITERAL);
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

  private int literal(int position, byte[] word) throws Unsupported {
    if (position + word.length > end || !Arrays.equals(bytes, position, position + word.length, word, 0, word.length)) {
      throw UNSUPPORTED;
    }
    return followedBySeparator(position + word.length);
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
    escaped = false;
    int stop = JsonBytes.plainRunEnd(bytes, position + 1, end);
    if (stop < end && bytes[stop] == '"' && stop - position <= MAX_STRING_BYTES) {
      return stop + 1;
    }
    return stringRest(position, stop);
  }

  /**
   * The rest of the string that opens at {@code start}, from {@code position}, where its first plain run ended on
   * something other than a closing quote: escapes, UTF-8 sequences, or an error. Kept apart from {@link #string}, whose
   * plain path is the one inlined wherever a string is read.
   */
  private int stringRest(int start, int position) throws Unsupported {
    while (true) {
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
      position = JsonBytes.plainRunEnd(bytes, position, end);
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

  /**
   * A member name whose opening quote is at {@code position}; returns the position after its closing quote. A name
   * over Jackson's length limit ({@link JsonSettings#MAX_NAME_LENGTH}, in characters; here in bytes, which are never
   * fewer) fails the scan, so that the streamed read rejects it as it would without the scanner.
   */
  private int name(int position) throws Unsupported {
    int after = string(quote(position));
    if (after - position - 2 > MAX_NAME_BYTES) {
      throw UNSUPPORTED;
    }
    return after;
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
    private byte[][] childNames = new byte[0][];
    private NameNode[] children = new NameNode[0];
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
      int count = children.length;
      childNames = Arrays.copyOf(childNames, count + 1);
      children = Arrays.copyOf(children, count + 1);
      childNames[count] = name.getBytes(StandardCharsets.UTF_8);
      children[count] = node;
    }

    private NameNode node(String name) {
      byte[] wanted = name.getBytes(StandardCharsets.UTF_8);
      return node(wanted, 0, wanted.length);
    }

    /** The child named by bytes {@code start} to {@code stop}, or null. */
    NameNode node(byte[] source, int start, int stop) {
      int length = stop - start;
      for (int i = 0; i < childNames.length; i++) {
        byte[] name = childNames[i];
        if (name.length == length && Arrays.equals(name, 0, length, source, start, stop)) {
          return children[i];
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
