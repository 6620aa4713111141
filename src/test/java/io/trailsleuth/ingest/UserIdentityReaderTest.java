package io.trailsleuth.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trailsleuth.model.ColumnType;
import io.trailsleuth.model.EventColumn;
import io.trailsleuth.model.EventRow;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The streaming userIdentity reader gives exactly what reading a tree gave, for ordinary and odd input. */
class UserIdentityReaderTest {
  private static final ObjectMapper MAPPER = JsonSettings.mapper();

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"type\":\"AssumedRole\",\"principalId\":\"AROAX:s\",\"arn\":\"arn:aws:sts::1:assumed-role/r/s\",\"accountId\":\"1\","
          + "\"accessKeyId\":\"ASIA\",\"sessionContext\":{\"sessionIssuer\":{\"type\":\"Role\",\"principalId\":\"AROAX\","
          + "\"arn\":\"arn:aws:iam::1:role/r\",\"accountId\":\"1\",\"userName\":\"r\"},\"webIdFederationData\":{},"
          + "\"attributes\":{\"creationDate\":\"2026-03-03T10:00:00Z\",\"mfaAuthenticated\":\"false\"}}}",
      "{\"type\":\"AWSService\",\"invokedBy\":\"lambda.amazonaws.com\"}",
      "{}",
      "{\"type\":null,\"arn\":null,\"sessionContext\":null}",
      "{\"sessionContext\":{\"attributes\":{\"mfaAuthenticated\":true}}}",
      "{\"sessionContext\":{\"attributes\":{\"mfaAuthenticated\":\"TRUE\"}}}",
      "{\"sessionContext\":{\"attributes\":{\"mfaAuthenticated\":\"yes\"}}}",
      "{\"sessionContext\":{\"attributes\":{\"mfaAuthenticated\":1}}}",
      "{\"sessionContext\":{\"attributes\":{\"mfaAuthenticated\":{\"a\":[1,2,\"a long value to abbreviate here and there\"]}}}}",
      "{\"sessionContext\":{\"attributes\":{\"mfaAuthenticated\":[true]}}}",
      "{\"arn\":12,\"accountId\":-0,\"principalId\":1.5e3,\"userName\":123456789012345678901234567890}",
      "{\"arn\":true,\"type\":false}",
      "{\"arn\":{\"nested\":1}}",
      "{\"arn\":[\"a\"]}",
      "{\"sessionContext\":\"text\"}",
      "{\"sessionContext\":[{\"sessionIssuer\":{\"arn\":\"x\"}}]}",
      "{\"sessionContext\":{\"sessionIssuer\":[\"arn\"]}}",
      "{\"type\":\"a\",\"type\":\"b\"}",
      "{\"sessionContext\":{\"sessionIssuer\":{\"arn\":\"first\",\"type\":\"Role\"}},\"sessionContext\":{\"attributes\":{}}}",
      "{\"sessionContext\":{\"sessionIssuer\":{\"arn\":\"first\"}},\"sessionContext\":null}",
      "{\"x\":{\"y\":1,\"y\":2},\"arn\":\"a\"}",
      "{\"x\":[{\"arn\":\"inner\"},{\"arn\":\"second\",\"arn\":\"dup\"}],\"arn\":\"outer\"}",
      "{\"x\":[[[{\"sessionContext\":{\"sessionIssuer\":{\"arn\":\"deep\"}}}]]],\"y\":[1,2.50,-3e-7,null,true]}",
      "{\"userName\":\"caf\\u00e9 \\\"quoted\\\" \\n line\\ttab \\u0001 \\ud83d\\ude00\",\"arn\":\"\\/slash\"}",
      "{\"a\":{\"b\":{\"c\":{\"d\":{\"e\":{\"f\":{\"g\":{\"h\":{\"i\":{\"j\":\"deep\"}}}}}}}}},\"arn\":\"after\"}",
      "{\"sessionContext\":{\"sessionIssuer\":{},\"attributes\":{\"creationDate\":7}}}",
      "{\"sessionContext\":{\"sessionIssuer\":{\"userName\":\"u\"},\"sessionIssuer\":{\"arn\":\"only\"}}}",
      "{\"\":\"empty name\",\"arn\":\"\"}"})
  void readsLikeTheTree(String identity) throws Exception {
    String record = "{\"userIdentity\":" + identity + ",\"after\":[1,{\"k\":\"v\"}]}";
    EventRow streamed = new EventRow();
    String streamedError;
    TextCopier copier = new TextCopier(MAPPER.getFactory());
    try (JsonParser parser = parser(record)) {
      parser.nextToken();
      parser.nextToken();
      parser.nextToken();
      streamedError = new UserIdentityReader(MAPPER).read(parser, copier, streamed);
      assertThat(parser.currentToken()).isEqualTo(JsonToken.END_OBJECT);
      assertThat(parser.nextToken()).isEqualTo(JsonToken.FIELD_NAME);
      assertThat(parser.currentName()).isEqualTo("after");
    }
    EventRow tree = new EventRow();
    String treeError;
    try (JsonParser parser = parser(record)) {
      parser.nextToken();
      parser.nextToken();
      parser.nextToken();
      treeError = referenceRead(parser, tree);
    }
    assertThat(streamedError).isEqualTo(treeError);
    if (treeError == null) {
      for (EventColumn column : EventColumn.ALL) {
        assertThat(streamed.get(column)).as(column.columnName()).isEqualTo(tree.get(column));
      }
    }
    // the reused generator goes on to copy the next value cleanly
    try (JsonParser parser = parser("{\"k\":[1,\"two\"]}")) {
      parser.nextToken();
      assertThat(new String(copier.copy(parser), StandardCharsets.UTF_8)).isEqualTo("{\"k\":[1,\"two\"]}");
    }
  }

  private static JsonParser parser(String json) throws Exception {
    return MAPPER.getFactory().createParser(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }

  /** How userIdentity was read before streaming: a tree, then each column by path. */
  private static String referenceRead(JsonParser parser, EventRow row) throws Exception {
    JsonNode identity = MAPPER.readTree(parser);
    row.set(EventColumn.USER_IDENTITY, identity.toString().getBytes(StandardCharsets.UTF_8));
    List<EventColumn> columns = new ArrayList<>(EventColumn.ALL.stream().filter(EventColumn::isUserIdentityField).toList());
    for (EventColumn column : columns) {
      JsonNode node = identity;
      for (String part : column.jsonPath().substring("userIdentity.".length()).split("\\.")) {
        node = node.path(part);
      }
      if (node.isMissingNode() || node.isNull()) {
        continue;
      }
      if (column.type() == ColumnType.BOOLEAN) {
        String text = node.asText();
        Boolean parsed = node.isBoolean() ? Boolean.valueOf(node.booleanValue())
            : text.equalsIgnoreCase("true") ? Boolean.TRUE : text.equalsIgnoreCase("false") ? Boolean.FALSE : null;
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
}
