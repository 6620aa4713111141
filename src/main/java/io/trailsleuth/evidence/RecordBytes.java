package io.trailsleuth.evidence;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.trailsleuth.ingest.JsonSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Takes a record out of the bytes the ingest noted for it: the record itself, a JSON string that holds it (written
 * unescaped), or an envelope that holds it (EventBridge {@code detail}, lookup-events {@code CloudTrailEvent}).
 */
final class RecordBytes {
  private RecordBytes() {}

  /** The record exactly as it stands in its source; throws when the bytes hold no record. */
  static byte[] extract(byte[] span) throws IOException {
    try (JsonParser parser = JsonSettings.mapper().getFactory().createParser(span)) {
      JsonToken first = parser.nextToken();
      if (first == JsonToken.VALUE_STRING) {
        return parser.getText().getBytes(StandardCharsets.UTF_8);
      }
      if (first != JsonToken.START_OBJECT) {
        throw new IOException("the noted bytes do not start with a record or a JSON string (" + first + ")");
      }
      for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        if (("detail".equals(name) || "CloudTrailEvent".equals(name)) && value == JsonToken.START_OBJECT) {
          long start = parser.currentTokenLocation().getByteOffset();
          parser.skipChildren();
          return Arrays.copyOfRange(span, (int) start, (int) parser.currentLocation().getByteOffset());
        }
        if ("CloudTrailEvent".equals(name) && value == JsonToken.VALUE_STRING) {
          return parser.getText().getBytes(StandardCharsets.UTF_8);
        }
        parser.skipChildren();
      }
      return span;
    }
  }
}
