package io.trailsleuth.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * Recognises a CloudTrail digest from its top-level field names, skipping every value: the decision
 * {@link SourceShape#classify} makes from a whole tree, without building one. The names come from the byte scanner
 * when it vouches for the object, else from Jackson's token stream.
 */
final class DigestRecognizer {
  private DigestRecognizer() {}

  /**
   * True when {@code bytes} start with an object that the streamed read would pass to {@link SourceShape#classify}
   * (its first field is not {@code Records}, {@code Events} or a record field), that classify calls a digest, and that
   * is valid JSON to its end within the limits of {@link JsonSettings}. False for anything else, invalid JSON
   * included: the streamed read then classifies, or rejects, the file through a tree as it always did.
   */
  static boolean startsWithDigest(JsonFactory factory, RecordsScanner scanner, byte[] bytes, int length) {
    if (length > JsonSettings.MAX_STRING_LENGTH) {
      // a skipped string is not held to the string length limit, which a tree enforces; a shorter input cannot pass it
      return false;
    }
    if (scanner.scanFirstObject(bytes, length)) {
      return startsWithDigest(scanner);
    }
    try (JsonParser parser = factory.createParser(bytes, 0, length)) {
      if (parser.nextToken() != JsonToken.START_OBJECT || parser.nextToken() != JsonToken.FIELD_NAME) {
        return false;
      }
      String first = parser.currentName();
      if (first.equals("Records") || first.equals("Events") || RecordExtractor.isRecordField(first)) {
        return false;
      }
      return readsAsDigest(parser) && parser.currentToken() == JsonToken.END_OBJECT;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * The decision of {@link #startsWithDigest} from the member names of an object the byte scanner read whole: the
   * names and values Jackson's tokens give, without tokenising the bytes a second time.
   */
  private static boolean startsWithDigest(RecordsScanner scanner) {
    if (scanner.memberCount() == 0) {
      return false;
    }
    String first = scanner.memberName(0);
    if (first.equals("Records") || first.equals("Events") || RecordExtractor.isRecordField(first)) {
      return false;
    }
    Decision decision = new Decision();
    for (int index = 0; index < scanner.memberCount(); index++) {
      decision.field(scanner.memberName(index), scanner.memberIsObject(index));
    }
    return decision.isDigest();
  }

  /**
   * Reads the rest of an object, from the field name the parser stands on, skipping every value; returns whether
   * {@link SourceShape#classify} would call the whole object a digest. Leaves the parser on the object's END_OBJECT.
   */
  static boolean readsAsDigest(JsonParser parser) throws IOException {
    Decision decision = new Decision();
    for (JsonToken token = parser.currentToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      decision.field(name, value == JsonToken.START_OBJECT);
      parser.skipChildren();
    }
    return decision.isDigest();
  }

  /** The fields of one object that {@link SourceShape#classify} reads to call it a digest, gathered in order. */
  private static final class Decision {
    private boolean lookupEvent;
    private boolean detailType;
    private boolean detailObject;
    private boolean digestObject;
    private boolean logFiles;
    private boolean digestStart;

    void field(String name, boolean objectValue) {
      switch (name) {
        case "CloudTrailEvent" -> lookupEvent = true;
        case "detail-type" -> detailType = true;
        // a tree keeps the last of repeated fields
        case "detail" -> detailObject = objectValue;
        case "digestS3Object" -> digestObject = true;
        case "logFiles" -> logFiles = true;
        case "digestStartTime" -> digestStart = true;
        default -> {
          // not a field the digest decision reads
        }
      }
    }

    boolean isDigest() {
      return !lookupEvent && !(detailType && detailObject) && (digestObject || (logFiles && digestStart));
    }
  }
}
