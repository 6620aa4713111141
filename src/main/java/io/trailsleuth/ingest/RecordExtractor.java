package io.trailsleuth.ingest;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trailsleuth.model.EventColumn;
import io.trailsleuth.model.EventRow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Reads one CloudTrail record from a streaming parser into an {@link EventRow}. Scalar fields become
 * typed columns; nested parts and unknown fields are copied as compact JSON text, so nothing is lost.
 * Not thread-safe: each ingest worker owns one.
 */
public final class RecordExtractor {
  private static final Map<String, EventColumn> TOP_LEVEL = new HashMap<>();

  static {
    for (EventColumn column : EventColumn.ALL) {
      if (column.isTopLevelField()) {
        TOP_LEVEL.put(column.jsonPath(), column);
      }
    }
  }

  private final TextCopier values;
  private final TextCopier extras;
  private final UserIdentityReader identity;
  private final MessageDigest digest;

  public RecordExtractor(ObjectMapper mapper) {
    this.values = new TextCopier(mapper.getFactory());
    this.extras = new TextCopier(mapper.getFactory());
    this.identity = new UserIdentityReader(mapper);
    try {
      this.digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** True when a field name is one that CloudTrail records carry at their top level. */
  public static boolean isRecordField(String name) {
    return TOP_LEVEL.containsKey(name) || "userIdentity".equals(name);
  }

  /**
   * Fills {@code row} from the object the parser is in. The parser must stand on the object's
   * START_OBJECT or on one of its FIELD_NAME tokens; on return it stands on the object's END_OBJECT,
   * also when the record is rejected.
   */
  public void extract(JsonParser parser, EventRow row) throws IOException, RecordRejectedException {
    row.clear();
    JsonToken token = parser.currentToken();
    if (token == JsonToken.START_OBJECT) {
      token = parser.nextToken();
    }
    String problem = null;
    String problemCode = null;
    JsonGenerator extrasGenerator = null;
    for (; token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      EventColumn column = TOP_LEVEL.get(name);
      if (column == null && "userIdentity".equals(name)) {
        column = EventColumn.USER_IDENTITY;
      }
      if (column == null) {
        if (extrasGenerator == null) {
          extrasGenerator = extras.start();
          extrasGenerator.writeStartObject();
        }
        extrasGenerator.writeFieldName(name);
        extrasGenerator.copyCurrentStructure(parser);
        continue;
      }
      String error = readColumn(parser, value, column, row);
      if (error != null && problem == null) {
        problem = error;
        problemCode = "wrong-type";
      }
    }
    if (token != JsonToken.END_OBJECT) {
      throw new IOException("record object not closed (token " + token + ")");
    }
    if (extrasGenerator != null) {
      extrasGenerator.writeEndObject();
      row.set(EventColumn.EXTRA_FIELDS, extras.finish());
    }
    if (problem != null) {
      throw new RecordRejectedException(problemCode, problem);
    }
    if (row.get(EventColumn.EVENT_TIME) == null) {
      throw new RecordRejectedException("no-event-time", "record has no eventTime, so it cannot be placed on a timeline");
    }
    if (row.get(EventColumn.EVENT_NAME) == null && row.get(EventColumn.EVENT_SOURCE) == null) {
      throw new RecordRejectedException("not-a-record", "object has neither eventName nor eventSource, so it is not a CloudTrail record");
    }
    if (row.get(EventColumn.EVENT_ID) == null) {
      row.set(EventColumn.EVENT_ID, derivedId(row));
      row.set(EventColumn.EVENT_ID_DERIVED, Boolean.TRUE);
    } else {
      row.set(EventColumn.EVENT_ID_DERIVED, Boolean.FALSE);
    }
  }

  /** Reads one field's value into its column; returns an error message when the value has the wrong type. */
  private String readColumn(JsonParser parser, JsonToken value, EventColumn column, EventRow row) throws IOException {
    if (value == JsonToken.VALUE_NULL) {
      return null;
    }
    String path = column.jsonPath();
    switch (column.type()) {
      case JSON -> {
        if (column == EventColumn.USER_IDENTITY) {
          return readUserIdentity(parser, value, row);
        }
        row.set(column, values.copy(parser));
        return null;
      }
      case STRING -> {
        if (value == JsonToken.VALUE_STRING) {
          row.set(column, parser.getText());
          return null;
        }
        return wrongType(parser, path, "a string", value);
      }
      case BOOLEAN -> {
        Boolean parsed = booleanOf(value, value == JsonToken.VALUE_STRING ? parser.getText() : null);
        if (parsed != null) {
          row.set(column, parsed);
          return null;
        }
        return wrongType(parser, path, "true or false", value);
      }
      case TIMESTAMP -> {
        if (value != JsonToken.VALUE_STRING) {
          return wrongType(parser, path, "an ISO-8601 string", value);
        }
        try {
          row.set(column, EventTimes.parseMicros(parser.getText()));
          return null;
        } catch (IllegalArgumentException e) {
          return path + " is " + e.getMessage();
        }
      }
      case BIGINT -> {
        return wrongType(parser, path, "nothing (computed column)", value);
      }
    }
    throw new AssertionError(column);
  }

  private String readUserIdentity(JsonParser parser, JsonToken value, EventRow row) throws IOException {
    if (value != JsonToken.START_OBJECT) {
      return wrongType(parser, "userIdentity", "an object", value);
    }
    return identity.read(parser, values, row);
  }

  private static Boolean booleanOf(JsonToken token, String text) {
    if (token == JsonToken.VALUE_TRUE) {
      return Boolean.TRUE;
    }
    if (token == JsonToken.VALUE_FALSE) {
      return Boolean.FALSE;
    }
    if (token == JsonToken.VALUE_STRING && text != null) {
      if (text.equalsIgnoreCase("true")) {
        return Boolean.TRUE;
      }
      if (text.equalsIgnoreCase("false")) {
        return Boolean.FALSE;
      }
    }
    return null;
  }

  private static String wrongType(JsonParser parser, String path, String expected, JsonToken actual) throws IOException {
    parser.skipChildren();
    return path + " should be " + expected + " but is " + describe(actual);
  }

  private static String describe(JsonToken token) {
    return switch (token) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      default -> token.name();
    };
  }

  /** A stable ID for a record without eventID: a hash of the fields that identify it. */
  private String derivedId(EventRow row) {
    digest.reset();
    for (EventColumn column :
        List.of(
            EventColumn.EVENT_TIME,
            EventColumn.EVENT_SOURCE,
            EventColumn.EVENT_NAME,
            EventColumn.AWS_REGION,
            EventColumn.REQUEST_ID,
            EventColumn.USER_IDENTITY,
            EventColumn.SOURCE_IP_ADDRESS,
            EventColumn.ERROR_CODE,
            EventColumn.REQUEST_PARAMETERS,
            EventColumn.RESPONSE_ELEMENTS)) {
      Object value = row.get(column);
      digest.update(value instanceof byte[] json ? json : String.valueOf(value).getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0x1f);
    }
    return "derived-" + HexFormat.of().formatHex(digest.digest(), 0, 16);
  }
}
