package io.trailsleuth.ingest;

import com.fasterxml.jackson.core.JsonParser;
import io.trailsleuth.model.EventColumn;
import io.trailsleuth.model.EventRow;
import io.trailsleuth.model.EventSink;
import io.trailsleuth.model.Reject;

/** One file's counters, shape and sink while {@link SourceReader} reads it. */
final class FileState {
  final String sourceFile;
  final String sha256;
  final EventSink sink;
  SourceShape shape = SourceShape.OTHER_JSON;
  boolean shapeSettled;
  String compression = "none";
  String detail = "";
  JsonParser parser;
  /** Where the current parser started in the decoded input: after a broken line, a new parser reads on. */
  long offsetBase;
  /** Where the last complete top-level value ended in the decoded input. */
  long valueEnd;
  /** Where the object the main parser is in started, in the decoded input. */
  long objectStart;
  /** The decoded bytes of a record read by another parser (an embedded string, a tree, a CloudWatch line). */
  long spanStart;
  long spanEnd;
  long recordsRead;
  long accepted;
  long rejected;
  /** Items of a snapshot file (CLI output, AWS Config file) handed to the sink. */
  long snapshotItems;
  /** A lone first record, held until the file shows whether it is a single record or JSON Lines. */
  EventRow pending;
  boolean hasPending;

  FileState(String sourceFile, String sha256, EventSink sink) {
    this.sourceFile = sourceFile;
    this.sha256 = sha256;
    this.sink = sink;
  }

  void hold(EventRow row) {
    if (pending == null) {
      pending = new EventRow();
    }
    pending.copyFrom(row);
    hasPending = true;
  }

  /** Hands on the held record, labelled with the shape the file turned out to have. */
  void flushPending() {
    if (hasPending) {
      hasPending = false;
      pending.set(EventColumn.SOURCE_SHAPE, shape.label());
      sink.accept(pending);
    }
  }

  /** The whole file is recognised as one that holds no events. */
  void skipFile(SourceShape kind, String why) {
    shape = kind;
    shapeSettled = true;
    detail = why;
  }

  /** Content that is not JSON: rejected when the name says it should be a log, else skipped as a stray file. */
  void notJson(String why) {
    if (SourceNames.looksLikeLog(sourceFile)) {
      shape = SourceShape.UNREADABLE;
      shapeSettled = true;
      rejectRest(0, "not-json", why + "; it is not a CloudTrail log or export" + notJsonAlthough());
    } else {
      skipFile(SourceShape.NOT_JSON, why + "; a stray file, not a log");
    }
  }

  /** What the name promised: gzip-compressed JSON when it ends in .gz, JSON otherwise. */
  private String notJsonAlthough() {
    if (!SourceNames.isGzipName(sourceFile)) {
      return " although its name says so";
    }
    return compression.equals("gzip") ? " although its name says so (it is gzip-compressed, but what it decompresses to is"
        + " not JSON)" : " and not gzip-compressed although its name ends in .gz";
  }

  /** Fixes the file's shape from its first value; later values keep it, single records become lines. */
  void settle(SourceShape candidate) {
    if (!shapeSettled) {
      shape = candidate;
      shapeSettled = true;
    } else if (shape == SourceShape.SINGLE_RECORD && candidate == SourceShape.JSON_LINES) {
      shape = SourceShape.JSON_LINES;
      flushPending();
    }
  }

  /** Notes where the main parser's current START_OBJECT token starts. */
  void markObjectStart() {
    objectStart = offsetBase + parser.currentTokenLocation().getByteOffset();
  }

  /** Notes the decoded bytes from {@code start} to where the main parser stands as the next record's position. */
  void markSpan(long start) {
    spanStart = start;
    spanEnd = offset();
  }

  /** Where the main parser's current token starts in the decoded input. */
  long tokenStart() {
    return offsetBase + parser.currentTokenLocation().getByteOffset();
  }

  long offset() {
    return parser == null ? -1 : offsetBase + parser.currentLocation().getByteOffset();
  }

  /**
   * True when the file is JSON Lines, or its first value was a record (stored or rejected) and more follows: then a
   * value that is not valid JSON costs its line only.
   */
  boolean readsLines() {
    return shape == SourceShape.JSON_LINES || (shape == SourceShape.SINGLE_RECORD && recordsRead > 0);
  }

  void rejectRecord(long byteOffset, String code, String reason) {
    sink.reject(new Reject(sourceFile, recordsRead, byteOffset, code, "record " + recordsRead + ": " + reason));
    recordsRead++;
    rejected++;
  }

  void rejectRest(long byteOffset, String code, String reason) {
    sink.reject(new Reject(sourceFile, recordsRead, byteOffset, code,
        "rest of file from record " + recordsRead + " at byte " + byteOffset + ": " + reason + RejectAdvice.forCode(code)));
    recordsRead++;
    rejected++;
  }
}
