package io.trailsleuth.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailsleuth.model.ColumnType;
import io.trailsleuth.model.EventColumn;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The canonical form of one stored copy of an event: its columns but the provenance ones, nested JSON
 * parsed, object keys sorted, absent and null fields alike left out, numbers and strings as read.
 */
final class CanonicalRecord {
  private static final Set<String> JSON_COLUMNS = EventColumn.ALL.stream()
      .filter(c -> c.type() == ColumnType.JSON).map(EventColumn::columnName).collect(Collectors.toUnmodifiableSet());
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true))
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private final JsonNode canonical;
  private final String sha256;

  private CanonicalRecord(JsonNode canonical) {
    this.canonical = canonical;
    this.sha256 = sha256(canonical.toString());
  }

  /** The canonical form of a copy given as the JSON object of its stored columns. */
  static CanonicalRecord of(String storedColumnsJson) throws JsonProcessingException {
    JsonNode columns = MAPPER.readTree(storedColumnsJson);
    ObjectNode record = MAPPER.createObjectNode();
    for (String name : names(columns)) {
      JsonNode value = columns.get(name);
      if (value.isNull()) {
        continue;
      }
      if (JSON_COLUMNS.contains(name) && value.isTextual()) {
        value = MAPPER.readTree(value.textValue());
      }
      record.set(name, sorted(value));
    }
    return new CanonicalRecord(record);
  }

  /** SHA-256 (hex) of the canonical JSON text. */
  String sha256() {
    return sha256;
  }

  /** Field paths (column, then nested keys) whose values differ between this copy and {@code other}, sorted. */
  List<String> differingFields(CanonicalRecord other) {
    Set<String> paths = new TreeSet<>();
    diff("", canonical, other.canonical, paths);
    return List.copyOf(paths);
  }

  private static void diff(String path, JsonNode left, JsonNode right, Set<String> paths) {
    if (left != null && right != null && left.isObject() && right.isObject()) {
      Set<String> names = names(left);
      names.addAll(names(right));
      for (String name : names) {
        diff(path.isEmpty() ? name : path + "." + name, left.get(name), right.get(name), paths);
      }
    } else if (left == null || !left.equals(right)) {
      paths.add(path);
    }
  }

  private static JsonNode sorted(JsonNode node) {
    if (node.isObject()) {
      ObjectNode copy = MAPPER.createObjectNode();
      for (String name : names(node)) {
        copy.set(name, sorted(node.get(name)));
      }
      return copy;
    }
    if (node.isArray()) {
      var copy = MAPPER.createArrayNode();
      node.forEach(element -> copy.add(sorted(element)));
      return copy;
    }
    return node;
  }

  private static TreeSet<String> names(JsonNode object) {
    TreeSet<String> names = new TreeSet<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
