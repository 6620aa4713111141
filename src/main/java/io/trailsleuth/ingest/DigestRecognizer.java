package io.trailsleuth.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * Recognises a CloudTrail digest from its top-level field names on Jackson's token stream, skipping every value: the
 * decision {@link SourceShape#classify} makes from a whole tree, without building one.
 */
final class DigestRecognizer {
  private DigestRecognizer() {}

  /**
   * True when {@code bytes} start with an object that the streamed read would pass to {@link SourceShape#classify}
   * (its first field is not {@code Records}, {@code Events} or a record field), that classify calls a digest, and that
   * is valid JSON to its end within the limits of {@link JsonSettings}. False for anything else, invalid JSON
   * included: the streamed read then classifies, or rejects, the file through a tree as it always did.
   */
  static boolean startsWithDigest(JsonFactory factory, byte[] bytes, int length) {
    if (length > JsonSettings.MAX_STRING_LENGTH) {
      // a skipped string is not held to the string length limit, which a tree enforces; a shorter input cannot pass it
      return false;
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
   * Reads the rest of an object, from the field name the parser stands on, skipping every value; returns whether
   * {@link SourceShape#classify} would call the whole object a digest. Leaves the parser on the object's END_OBJECT.
   */
  static boolean readsAsDigest(JsonParser parser) throws IOException {
    boolean lookupEvent = false;
    boolean detailType = false;
    boolean detailObject = false;
    boolean digestObject = false;
    boolean logFiles = false;
    boolean digestStart = false;
    for (JsonToken token = parser.currentToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      switch (name) {
        case "CloudTrailEvent" -> lookupEvent = true;
        case "detail-type" -> detailType = true;
        // a tree keeps the last of repeated fields
        case "detail" -> detailObject = value == JsonToken.START_OBJECT;
        case "digestS3Object" -> digestObject = true;
        case "logFiles" -> logFiles = true;
        case "digestStartTime" -> digestStart = true;
        default -> {
          // not a field the digest decision reads
        }
      }
      parser.skipChildren();
    }
    return !lookupEvent && !(detailType && detailObject) && (digestObject || (logFiles && digestStart));
  }
}
