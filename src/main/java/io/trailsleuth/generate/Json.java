package io.trailsleuth.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Compact builders for the JSON trees of generated records; keys keep the order they are given in. */
final class Json {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Json() {}

  /** An object from alternating keys and values (String, Boolean, Integer, Long, JsonNode, List, or null). */
  static ObjectNode object(Object... keysAndValues) {
    if (keysAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("keys and values must come in pairs");
    }
    ObjectNode node = NODES.objectNode();
    for (int index = 0; index < keysAndValues.length; index += 2) {
      node.set((String) keysAndValues[index], value(keysAndValues[index + 1]));
    }
    return node;
  }

  /** An array of strings. */
  static ArrayNode strings(String... values) {
    ArrayNode array = NODES.arrayNode();
    for (String value : values) {
      array.add(value);
    }
    return array;
  }

  /** An array holding the given nodes. */
  static ArrayNode array(JsonNode... values) {
    ArrayNode array = NODES.arrayNode();
    for (JsonNode value : values) {
      array.add(value);
    }
    return array;
  }

  /** The one-element resources array CloudTrail writes for a resource (note the upper-case ARN key). */
  static ArrayNode resource(String account, String type, String arn) {
    return array(object("accountId", account, "type", type, "ARN", arn));
  }

  static JsonNode value(Object value) {
    if (value == null) {
      return NODES.nullNode();
    }
    if (value instanceof JsonNode node) {
      return node;
    }
    if (value instanceof String text) {
      return NODES.textNode(text);
    }
    if (value instanceof Boolean flag) {
      return NODES.booleanNode(flag);
    }
    if (value instanceof Integer number) {
      return NODES.numberNode(number);
    }
    if (value instanceof Long number) {
      return NODES.numberNode(number);
    }
    if (value instanceof List<?> list) {
      ArrayNode array = NODES.arrayNode();
      list.forEach(item -> array.add(value(item)));
      return array;
    }
    throw new IllegalArgumentException("unsupported JSON value: " + value.getClass().getName());
  }
}
