package io.trailsleuth.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trailsleuth.model.EventColumn;
import io.trailsleuth.model.EventRow;
import io.trailsleuth.model.EventSink;
import io.trailsleuth.model.Reject;
import io.trailsleuth.model.SnapshotColumn;
import io.trailsleuth.ingest.snapshot.SnapshotFields;
import io.trailsleuth.ingest.snapshot.SnapshotItems;
import java.util.ArrayList;
import java.util.List;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * Reads one input file: detects gzip by its magic bytes and the export shape by content, then streams
 * its records one at a time into an {@link EventSink}. Never throws for bad content: a bad record or
 * an unreadable rest of file becomes a counted reject. Not thread-safe: one per worker.
 */
public final class SourceReader {
  private static final int GZIP_MAGIC_1 = 0x1f;
  private static final int GZIP_MAGIC_2 = 0x8b;
  /** Decoded files up to this size are read whole and scanned; larger ones are streamed. */
  static final int SCAN_LIMIT = 32 << 20;
  /** The buffers of the streamed read: raw bytes, and decoded bytes before the JSON parser. */
  private static final int STREAM_BUFFER = 1 << 16;

  private final ObjectMapper mapper;
  private final RecordExtractor extractor;
  private final SnapshotFields snapshotFields;
  private final EventRow row = new EventRow();
  private final long maxDecompressedBytes;
  /** Scans whole {@code {"Records":[...]}} files byte by byte; null when every file is streamed through Jackson. */
  private final RecordsScanner scanner;
  private byte[] decoded = new byte[1 << 20];
  /** Hashes the decoded bytes as they are inflated; null when the caller did not ask for {@link #decodedSha256}. */
  private final MessageDigest decodedDigest;
  /** The current file's {@link FileReadResult#decodedSha256()}. */
  private ContentHash decodedSha256 = ContentHash.UNKNOWN;
  /** Decodes gzip files, started again for each ({@link GzipMembersInputStream#restart}). */
  private final GzipMembersInputStream gzipDecoder = new GzipMembersInputStream();
  /** The current file's decoded bytes start with a digest ({@link DigestRecognizer}): no tree is needed to skip it. */
  private boolean digestAhead;

  public SourceReader(ObjectMapper mapper, long maxDecompressedBytes) {
    this(mapper, maxDecompressedBytes, true, false);
  }

  /** {@code scan} false streams every file through Jackson: the reference the scanner is tested against. */
  SourceReader(ObjectMapper mapper, long maxDecompressedBytes, boolean scan) {
    this(mapper, maxDecompressedBytes, scan, false);
  }

  private SourceReader(ObjectMapper mapper, long maxDecompressedBytes, boolean scan, boolean hashDecoded) {
    this.mapper = mapper;
    this.extractor = new RecordExtractor(mapper);
    this.snapshotFields = new SnapshotFields(mapper);
    this.maxDecompressedBytes = maxDecompressedBytes;
    this.scanner = scan ? new RecordsScanner() : null;
    this.decodedDigest = hashDecoded ? SourceSnapshot.sha256Digest() : null;
  }

  /**
   * A reader that also hashes each file's decoded bytes as it inflates them, for the digest check: every file it
   * decodes whole without error gets a {@link FileReadResult#decodedSha256()}.
   */
  public static SourceReader hashingDecodedContent(ObjectMapper mapper, long maxDecompressedBytes) {
    return new SourceReader(mapper, maxDecompressedBytes, true, true);
  }

  /**
   * Reads a whole file from {@code raw}, which the caller opened read-only and closes. When {@code raw} can be reset
   * (bytes in memory), a CloudTrail {@code Records} file is decoded whole and scanned byte by byte; any other file,
   * or one the scanner does not vouch for, is read again from the start through Jackson's token stream. A CloudTrail
   * digest is recognised in the decoded bytes and skipped without a JSON tree, with the result the streamed read gives.
   */
  public FileReadResult read(InputStream raw, String sourceFile, String sha256, EventSink sink) {
    decodedSha256 = ContentHash.UNKNOWN;
    digestAhead = false;
    if (scanner != null && raw.markSupported()) {
      raw.mark(Integer.MAX_VALUE);
      FileReadResult scanned;
      try {
        BufferedInputStream buffered = new BufferedInputStream(raw, STREAM_BUFFER);
        scanned = readScanned(buffered, startsWithGzipMagic(buffered), sourceFile, sha256, sink);
      } catch (IOException e) {
        scanned = null;
      }
      if (scanned != null) {
        return scanned;
      }
      try {
        raw.reset();
      } catch (IOException e) {
        throw new IllegalStateException("a stream that supports mark could not be reset", e);
      }
    }
    return readStreamed(raw, sourceFile, sha256, sink);
  }

  /**
   * Reads a whole file held in memory, the first {@code length} bytes of {@code bytes}, as {@link #read(InputStream,
   * String, String, EventSink)} reads them from a stream; the bytes must not change meanwhile.
   */
  public FileReadResult read(byte[] bytes, int length, String sourceFile, String sha256, EventSink sink) {
    decodedSha256 = ContentHash.UNKNOWN;
    digestAhead = false;
    if (scanner != null) {
      boolean gzip = length >= 2 && isGzipMagic(bytes[0] & 0xff, bytes[1] & 0xff);
      FileReadResult scanned = readScanned(new ByteArrayInputStream(bytes, 0, length), gzip, sourceFile, sha256, sink);
      if (scanned != null) {
        return scanned;
      }
    }
    return readStreamed(new ByteArrayInputStream(bytes, 0, length), sourceFile, sha256, sink);
  }

  /**
   * Decodes ({@code gzip} or as it is) and scans a whole file; returns null, having passed nothing to {@code sink}, when
   * it must be streamed.
   */
  private FileReadResult readScanned(InputStream source, boolean gzip, String sourceFile, String sha256,
      EventSink sink) {
    int length = 0;
    int reads = 0;
    try {
      InputStream in = new LimitedInputStream(gzip ? gunzip(source) : source, maxDecompressedBytes);
      if (decodedDigest != null) {
        decodedDigest.reset();
      }
      for (int n = 0; n >= 0; n = in.read(decoded, length, decoded.length - length)) {
        if (decodedDigest != null) {
          decodedDigest.update(decoded, length, n);
        }
        length += n;
        reads += n > 0 ? 1 : 0;
        if (length == decoded.length) {
          if (length >= SCAN_LIMIT) {
            return null;
          }
          decoded = Arrays.copyOf(decoded, Math.min(SCAN_LIMIT, length * 2));
        }
      }
      // the whole file decoded without error: the same bytes java.util.zip gives, unless a header CRC went unchecked
      if (decodedDigest != null && (!gzip || !gzipDecoder.sawHeaderChecksum())) {
        decodedSha256 = ContentHash.of(decodedDigest.digest());
      }
    } catch (IOException e) {
      // damaged or over the limit: the streamed read rejects it with the usual reason and offset
      return null;
    }
    if (!scanner.scan(decoded, length)) {
      digestAhead = startsWithDigest(length);
      // the streamed read's first fill of its decoded buffer would take the whole content too: the same bytes counted
      if (digestAhead && reads <= 1 && length <= STREAM_BUFFER) {
        FileState state = new FileState(sourceFile, sha256, sink);
        noteCompression(state, gzip);
        state.skipFile(SourceShape.DIGEST, SourceShape.DIGEST.skippedReason());
        return new FileReadResult(state.shape, state.compression, length, 0, 0, 0, 0, state.detail, decodedSha256);
      }
      return null;
    }
    FileState state = new FileState(sourceFile, sha256, sink);
    noteCompression(state, gzip);
    state.settle(SourceShape.TRAIL_RECORDS);
    try {
      readScannedRecords(state);
    } catch (IOException e) {
      state.rejectRest(offsetOf(e, null, state.offsetBase), ReadFailures.reasonCode(e), ReadFailures.describe(e));
    }
    return new FileReadResult(state.shape, state.compression, length, state.recordsRead, state.accepted,
        state.rejected, state.snapshotItems, state.detail, decodedSha256);
  }

  /** True when the streamed read would find a digest first in the decoded bytes: after its check of the first byte. */
  private boolean startsWithDigest(int length) {
    try {
      return firstSignificantByte(new ByteArrayInputStream(decoded, 0, length)) == '{'
          && DigestRecognizer.startsWithDigest(mapper.getFactory(), scanner, decoded, length);
    } catch (IOException e) {
      throw new UncheckedIOException("reading bytes in memory", e);
    }
  }

  /** Passes on the scanned records in order: plain ones from the scan, the others through Jackson, one by one. */
  private void readScannedRecords(FileState state) throws IOException {
    for (int index = 0; index < scanner.records(); index++) {
      if (scanner.isPlain(index)) {
        scanner.fill(index, row);
        accept(state, scanner.start(index), scanner.end(index) - scanner.start(index));
        continue;
      }
      int start = scanner.start(index);
      try (JsonParser parser = mapper.getFactory().createParser(decoded, start, scanner.end(index) - start)) {
        state.parser = parser;
        state.offsetBase = start;
        parser.nextToken();
        readObjectElement(parser, state, false);
      }
    }
  }

  private FileReadResult readStreamed(InputStream raw, String sourceFile, String sha256, EventSink sink) {
    FileState state = new FileState(sourceFile, sha256, sink);
    LimitedInputStream counted = null;
    try {
      BufferedInputStream buffered = new BufferedInputStream(raw, STREAM_BUFFER);
      boolean gzip = startsWithGzipMagic(buffered);
      noteCompression(state, gzip);
      counted = new LimitedInputStream(gzip ? gunzip(buffered) : buffered, maxDecompressedBytes);
      readDecoded(new BufferedInputStream(counted, STREAM_BUFFER), state);
    } catch (IOException e) {
      if (e instanceof JsonProcessingException && state.recordsRead == 0 && !state.shapeSettled
          && !SourceNames.looksLikeLog(sourceFile)) {
        state.notJson("file is not valid JSON (" + Texts.abbreviate(ReadFailures.describe(e), 120) + ")");
      } else {
        if (!state.shapeSettled) {
          // nothing showed what the file holds (a gzip header cut short, damage before the first value)
          state.shape = SourceShape.UNREADABLE;
        }
        state.rejectRest(offsetOf(e, counted, state.offsetBase), ReadFailures.reasonCode(e), ReadFailures.describe(e));
      }
    }
    state.flushPending();
    long decompressed = counted == null ? 0 : counted.count();
    return new FileReadResult(state.shape, state.compression, decompressed, state.recordsRead, state.accepted,
        state.rejected, state.snapshotItems, state.detail, decodedSha256);
  }

  /** True when {@code buffered} starts with gzip's magic bytes (else it is read as it is); reads nothing from it. */
  private static boolean startsWithGzipMagic(BufferedInputStream buffered) throws IOException {
    buffered.mark(2);
    int first = buffered.read();
    int second = buffered.read();
    buffered.reset();
    return isGzipMagic(first, second);
  }

  /** True when a file's first two bytes are gzip's magic bytes. */
  private static boolean isGzipMagic(int first, int second) {
    return first == GZIP_MAGIC_1 && second == GZIP_MAGIC_2;
  }

  /** This reader's gzip decoder, started again over {@code compressed}: one inflater and buffer for every file. */
  private GzipMembersInputStream gunzip(InputStream compressed) {
    gzipDecoder.restart(compressed);
    return gzipDecoder;
  }

  private static void noteCompression(FileState state, boolean gzip) {
    if (gzip) {
      state.compression = "gzip";
    } else if (SourceNames.isGzipName(state.sourceFile)) {
      state.detail = "named .gz but not gzip-compressed; read as it is";
    }
  }

  /** The result for a file none of whose bytes could be used: one counted reject for the whole file. */
  public static FileReadResult rejectWhole(String sourceFile, String code, String reason, EventSink sink) {
    sink.reject(new Reject(sourceFile, 0, -1, code, "whole file: " + reason));
    return new FileReadResult(SourceShape.UNREADABLE, "none", 0, 1, 0, 1, 0, reason, ContentHash.UNKNOWN);
  }

  /**
   * Where a file stopped being readable. The parser is already closed here (its location then points
   * past its whole buffer), so a JSON error's own location is used, else the bytes decoded so far.
   */
  private static long offsetOf(IOException e, LimitedInputStream counted, long parserBase) {
    long json = jsonErrorOffset(e, parserBase);
    if (json >= 0) {
      return json;
    }
    return counted == null ? 0 : counted.count();
  }

  /** The decoded byte offset a JSON error names, for a parser that started at {@code parserBase}; -1 when none. */
  private static long jsonErrorOffset(IOException e, long parserBase) {
    if (e instanceof JsonProcessingException json && json.getLocation() != null
        && json.getLocation().getByteOffset() >= 0) {
      return parserBase + json.getLocation().getByteOffset();
    }
    return -1;
  }


  private void readDecoded(BufferedInputStream in, FileState state) throws IOException {
    in.mark(8);
    int first = firstSignificantByte(in);
    in.reset();
    if (first < 0) {
      state.shape = SourceShape.UNREADABLE;
      state.rejectRest(0, "empty-file", "file is empty or holds only white space; nothing to ingest");
      return;
    }
    if (first >= '0' && first <= '9') {
      state.shape = SourceShape.CLOUDWATCH_EXPORT;
      readCloudWatchLines(in, state);
      return;
    }
    if (first != '{' && first != '[' && first != '"') {
      state.notJson("file does not start with JSON (first byte 0x" + Integer.toHexString(first) + ")");
      return;
    }
    LineResumableInput resumable = new LineResumableInput(in);
    while (true) {
      try (JsonParser parser = mapper.getFactory().createParser(resumable)) {
        state.parser = parser;
        state.valueEnd = state.offsetBase;
        readRootValues(parser, state);
        return;
      } catch (JsonProcessingException e) {
        if (!state.readsLines()) {
          throw e;
        }
        // a broken line of JSON Lines costs that line only: reject it and read on from the next line
        long errorOffset = Math.max(state.offsetBase, jsonErrorOffset(e, state.offsetBase));
        state.rejectRecord(errorOffset, ReadFailures.reasonCode(e), "line at byte " + errorOffset + " is not valid JSON ("
            + Texts.abbreviate(ReadFailures.message(e), 160) + "); reading goes on at the next line");
        state.settle(SourceShape.JSON_LINES);
        long next = resumable.resumeAfterLineOf(state.valueEnd);
        if (next < 0) {
          return;
        }
        state.offsetBase = next;
      }
    }
  }

  /** Skips a UTF-8 BOM and white space; returns the first other byte or -1 at the end. */
  private static int firstSignificantByte(InputStream in) throws IOException {
    int b = in.read();
    if (b == 0xEF) {
      in.read();
      in.read();
      b = in.read();
    }
    while (b == ' ' || b == '\n' || b == '\r' || b == '\t') {
      b = in.read();
    }
    return b;
  }

  private void readRootValues(JsonParser parser, FileState state) throws IOException {
    int rootIndex = 0;
    for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
      rootIndex++;
      switch (token) {
        case START_ARRAY -> {
          state.settle(rootIndex == 1 ? SourceShape.BARE_ARRAY : SourceShape.JSON_LINES);
          if (!readArrayOfRecords(parser, state, rootIndex == 1)) {
            return;
          }
        }
        case START_OBJECT -> {
          state.markObjectStart();
          if (!readRootObject(parser, state, rootIndex)) {
            return;
          }
        }
        case VALUE_STRING -> {
          state.settle(rootIndex == 1 ? SourceShape.SINGLE_RECORD : SourceShape.JSON_LINES);
          String text = parser.getText();
          state.markSpan(state.tokenStart());
          readEmbeddedRecord(text, state);
        }
        default -> {
          if (!skipOrReject(state, rootIndex, SourceShape.OTHER_JSON, "a top-level " + token)) {
            return;
          }
          state.settle(SourceShape.JSON_LINES);
        }
      }
      state.valueEnd = state.offset();
    }
  }

  /** Returns false when the file was recognised as one to skip. */
  private boolean readRootObject(JsonParser parser, FileState state, int rootIndex) throws IOException {
    JsonToken token = parser.nextToken();
    if (token == JsonToken.END_OBJECT) {
      return skipOrReject(state, rootIndex, SourceShape.OTHER_JSON, "empty JSON object");
    }
    String name = parser.currentName();
    if ("Records".equals(name) || "Events".equals(name)) {
      boolean lookup = "Events".equals(name);
      state.settle(lookup ? SourceShape.LOOKUP_EVENTS : SourceShape.TRAIL_RECORDS);
      for (; token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
        JsonToken value = parser.nextToken();
        String field = parser.currentName();
        if (value == JsonToken.START_ARRAY && (field.equals("Records") || field.equals("Events"))) {
          readArrayOfRecords(parser, state, false);
        } else if (field.equals("Records") || field.equals("Events")) {
          long offset = state.offset();
          parser.skipChildren();
          state.rejectRecord(offset, "wrong-type", field + " should be an array of records but is " + value);
        } else {
          parser.skipChildren();
        }
      }
      return true;
    }
    if (RecordExtractor.isRecordField(name)) {
      state.settle(rootIndex == 1 ? SourceShape.SINGLE_RECORD : SourceShape.JSON_LINES);
      readRecord(parser, state);
      return true;
    }
    if (rootIndex == 1 && digestAhead) {
      // the tokens the check of the decoded bytes read; the parser stops where a tree would have
      if (!DigestRecognizer.readsAsDigest(parser)) {
        throw new IllegalStateException(state.sourceFile + " was recognised as a digest, then read otherwise");
      }
      return skipOrReject(state, rootIndex, SourceShape.DIGEST, SourceShape.DIGEST.skippedReason());
    }
    JsonNode tree = mapper.readTree(parser);
    state.markSpan(state.objectStart);
    SourceShape kind = SourceShape.classify(tree);
    if (kind.holdsSnapshot() && rootIndex == 1 && state.recordsRead == 0) {
      readSnapshot(kind, SnapshotItems.of(kind, tree), state);
      return false;
    }
    if (!kind.holdsEvents()) {
      return skipOrReject(state, rootIndex, kind, kind.skippedReason());
    }
    readTreeRecord(tree, kind, rootIndex, state);
    return true;
  }

  /** Hands every item of a snapshot file to the sink; the file holds no events. */
  private void readSnapshot(SourceShape kind, List<JsonNode> items, FileState state) throws IOException {
    for (int index = 0; index < items.size(); index++) {
      JsonNode node = items.get(index);
      state.sink.snapshot(snapshotFields.read(kind, node)
          .set(SnapshotColumn.SOURCE_FILE, state.sourceFile)
          .set(SnapshotColumn.SOURCE_SHA256, state.sha256)
          .set(SnapshotColumn.ITEM_INDEX, (long) index)
          .set(SnapshotColumn.KIND, kind.label())
          .set(SnapshotColumn.ITEM, mapper.writeValueAsString(node)));
    }
    state.snapshotItems = items.size();
    state.skipFile(kind, kind.skippedReason() + " (" + items.size() + (items.size() == 1 ? " item)" : " items)"));
  }

  /** The rest of a bare array whose first element showed a snapshot (the output of a {@code --query}). */
  private void readSnapshotArray(JsonParser parser, SourceShape kind, JsonNode first, FileState state)
      throws IOException {
    List<JsonNode> items = new ArrayList<>(List.of(first));
    for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
      if (token == null) {
        throw new EOFException("input ended inside an array");
      }
      items.add(mapper.readTree(parser));
    }
    readSnapshot(kind, items, state);
  }

  private boolean skipOrReject(FileState state, int rootIndex, SourceShape kind, String why) {
    if (rootIndex == 1 && state.recordsRead == 0) {
      state.skipFile(kind, why);
      return false;
    }
    state.rejectRecord(state.offset(), "not-a-record",
        "value " + rootIndex + " is " + why + ", not a CloudTrail record");
    return true;
  }

  private void readTreeRecord(JsonNode tree, SourceShape kind, int rootIndex, FileState state) throws IOException {
    switch (kind) {
      case LOOKUP_EVENT_LINES -> {
        state.settle(SourceShape.LOOKUP_EVENT_LINES);
        JsonNode embedded = tree.get("CloudTrailEvent");
        if (embedded.isTextual()) {
          readEmbeddedRecord(embedded.asText(), state);
        } else {
          readNode(embedded, state);
        }
      }
      case EVENTBRIDGE -> {
        state.settle(SourceShape.EVENTBRIDGE);
        readNode(tree.get("detail"), state);
      }
      default -> {
        state.settle(rootIndex == 1 ? SourceShape.SINGLE_RECORD : SourceShape.JSON_LINES);
        readNode(tree, state);
      }
    }
  }

  /**
   * Reads the records of an array. Returns false when {@code rootArray} and its first element shows the
   * whole file is other JSON (e.g. {@code aws kms list-grants} output): the file is then skipped, not
   * rejected element by element.
   */
  private boolean readArrayOfRecords(JsonParser parser, FileState state, boolean rootArray) throws IOException {
    boolean firstElement = true;
    for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
      if (token == null) {
        throw new EOFException("input ended inside an array");
      }
      boolean decidesFile = rootArray && firstElement && state.recordsRead == 0;
      firstElement = false;
      if (decidesFile && token != JsonToken.START_OBJECT && token != JsonToken.VALUE_STRING) {
        state.skipFile(SourceShape.OTHER_JSON, "a JSON array of " + token + " values, not of CloudTrail records");
        return false;
      }
      if (token == JsonToken.START_OBJECT) {
        if (!readObjectElement(parser, state, decidesFile)) {
          return false;
        }
      } else if (token == JsonToken.VALUE_STRING) {
        String text = parser.getText();
        state.markSpan(state.tokenStart());
        readEmbeddedRecord(text, state);
      } else {
        long offset = state.offset();
        parser.skipChildren();
        state.rejectRecord(offset, "not-a-record", "array element is " + token + ", not a record object");
      }
    }
    return true;
  }

  /**
   * Reads an array element that is an object (the parser stands on its START_OBJECT); returns false when
   * {@code decidesFile} and the element shows the whole file is other JSON, which is then skipped.
   */
  private boolean readObjectElement(JsonParser parser, FileState state, boolean decidesFile) throws IOException {
    state.markObjectStart();
    JsonToken next = parser.nextToken();
    if (next == JsonToken.FIELD_NAME && RecordExtractor.isRecordField(parser.currentName())) {
      readRecord(parser, state);
    } else if (next == JsonToken.END_OBJECT) {
      state.rejectRecord(state.offset(), "not-a-record", "empty object where a record belongs");
    } else {
      JsonNode tree = mapper.readTree(parser);
      state.markSpan(state.objectStart);
      SourceShape kind = SourceShape.classify(tree);
      if (kind.holdsEvents()) {
        readNodeOf(tree, kind, state);
      } else if (decidesFile && kind.holdsSnapshot()) {
        readSnapshotArray(parser, kind, tree, state);
        return false;
      } else if (decidesFile) {
        state.skipFile(kind, "a JSON array of " + kind.skippedReason());
        return false;
      } else {
        state.rejectRecord(state.offset(), "not-a-record", "array element is " + kind.skippedReason());
      }
    }
    return true;
  }

  private void readNodeOf(JsonNode tree, SourceShape kind, FileState state) throws IOException {
    switch (kind) {
      case LOOKUP_EVENT_LINES -> {
        JsonNode embedded = tree.get("CloudTrailEvent");
        if (embedded.isTextual()) {
          readEmbeddedRecord(embedded.asText(), state);
        } else {
          readNode(embedded, state);
        }
      }
      case EVENTBRIDGE -> readNode(tree.get("detail"), state);
      default -> readNode(tree, state);
    }
  }

  private void readNode(JsonNode node, FileState state) throws IOException {
    try (JsonParser nodeParser = mapper.treeAsTokens(node)) {
      JsonToken token = nodeParser.nextToken();
      if (token != JsonToken.START_OBJECT) {
        state.rejectRecord(state.offset(), "not-a-record", "expected a record object but found " + token);
        return;
      }
      readRecord(nodeParser, state);
    }
  }

  /** A record carried as a JSON string, as lookup-events' CloudTrailEvent does. */
  private void readEmbeddedRecord(String text, FileState state) throws IOException {
    try (JsonParser embedded = mapper.getFactory().createParser(text)) {
      JsonToken token = embedded.nextToken();
      if (token != JsonToken.START_OBJECT) {
        state.rejectRecord(state.offset(), "not-a-record", "embedded JSON string does not hold a record object");
        return;
      }
      readRecord(embedded, state);
      if (embedded.nextToken() != null) {
        throw new JsonProcessingException("trailing content after embedded record") {
          private static final long serialVersionUID = 1L;
        };
      }
    } catch (JsonProcessingException e) {
      state.rejectRecord(state.offset(), "invalid-json", "embedded record string is not valid JSON: " + e.getOriginalMessage());
    }
  }

  private void readRecord(JsonParser parser, FileState state) throws IOException {
    try {
      extractor.extract(parser, row);
      // the record's own bytes when the main parser read it, else the span its caller noted (string, envelope, line)
      boolean own = parser == state.parser;
      long start = own ? state.objectStart : state.spanStart;
      accept(state, start, (own ? state.offset() : state.spanEnd) - start);
    } catch (RecordRejectedException e) {
      state.rejectRecord(state.offset(), e.reasonCode(), e.getMessage());
    }
  }

  /**
   * Labels the filled {@link #row} with its source and its position ({@code length} decoded bytes from {@code offset})
   * and passes it on (or holds it while the shape is open).
   */
  private void accept(FileState state, long offset, long length) {
    row.set(EventColumn.SOURCE_OFFSET, offset);
    row.set(EventColumn.SOURCE_LENGTH, length);
    row.set(EventColumn.SOURCE_FILE, state.sourceFile);
    row.set(EventColumn.SOURCE_RECORD, state.recordsRead);
    row.set(EventColumn.SOURCE_SHA256, state.sha256);
    row.set(EventColumn.SOURCE_SHAPE, state.shape.label());
    state.recordsRead++;
    state.accepted++;
    if (state.shape == SourceShape.SINGLE_RECORD) {
      state.hold(row);
    } else {
      state.sink.accept(row);
    }
  }

  private void readCloudWatchLines(InputStream in, FileState state) throws IOException {
    ByteLines lines = new ByteLines(in);
    long lineNumber = 0;
    for (String line = lines.next(); line != null; line = lines.next()) {
      lineNumber++;
      long lineStart = lines.start();
      if (lineNumber == 1 && line.startsWith("\uFEFF")) {
        line = line.substring(1);
        lineStart += 3;
      }
      if (line.isBlank()) {
        continue;
      }
      int space = line.indexOf(' ');
      int brace = line.indexOf('{');
      if (state.recordsRead == 0 && !isCloudWatchLine(line, space, brace)) {
        state.notJson("file starts with a digit but its first line is not '<ISO timestamp> <record JSON>'");
        return;
      }
      if (space < 0 || brace < space) {
        state.rejectRecord(-1, "not-a-record", "line " + lineNumber + " is not '<timestamp> <record JSON>'");
        continue;
      }
      String record = line.substring(space + 1);
      state.spanStart = lineStart + Texts.utf8Length(line.substring(0, space + 1));
      state.spanEnd = state.spanStart + Texts.utf8Length(record);
      try (JsonParser parser = mapper.getFactory().createParser(record)) {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
          state.rejectRecord(-1, "not-a-record", "line " + lineNumber + " does not hold a JSON object after its timestamp");
          continue;
        }
        readRecord(parser, state);
      } catch (JsonProcessingException e) {
        state.rejectRecord(-1, "invalid-json", "line " + lineNumber + " is not valid JSON: " + e.getOriginalMessage());
      }
    }
  }

  private static boolean isCloudWatchLine(String line, int space, int brace) {
    if (space < 0 || brace < space) {
      return false;
    }
    try {
      EventTimes.parseMicros(line.substring(0, space));
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

}
