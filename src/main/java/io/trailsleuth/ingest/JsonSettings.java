package io.trailsleuth.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The Jackson configuration for reading untrusted logs, with limits far above any real record. */
public final class JsonSettings {
  /** Deepest nesting accepted; real CloudTrail records nest about 10 levels. */
  public static final int MAX_NESTING_DEPTH = 200;
  /** Longest single string value accepted (characters). */
  public static final int MAX_STRING_LENGTH = 16 * 1024 * 1024;
  /** Longest number accepted (characters). */
  public static final int MAX_NUMBER_LENGTH = 1000;
  /** Longest field name accepted (characters). */
  public static final int MAX_NAME_LENGTH = 50_000;

  private static final ObjectMapper MAPPER = build();

  private JsonSettings() {}

  /** A shared, thread-safe mapper with the limits set. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  private static ObjectMapper build() {
    JsonFactory factory = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxNestingDepth(MAX_NESTING_DEPTH)
            .maxStringLength(MAX_STRING_LENGTH)
            .maxNumberLength(MAX_NUMBER_LENGTH)
            .maxNameLength(MAX_NAME_LENGTH)
            .build())
        // copies of nested values are written as UTF-8: keep a surrogate pair one character (lone halves stay escaped)
        .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
        .build();
    factory.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
    return new ObjectMapper(factory);
  }
}
