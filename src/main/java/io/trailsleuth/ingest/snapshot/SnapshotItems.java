package io.trailsleuth.ingest.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailsleuth.ingest.SourceShape;
import java.util.ArrayList;
import java.util.List;

/** Splits a snapshot file's JSON into its items: the grants, roles, functions, keys or configuration items it lists. */
public final class SnapshotItems {
  private SnapshotItems() {}

  /** The item nodes of a whole snapshot document of the given kind. */
  public static List<JsonNode> of(SourceShape kind, JsonNode document) {
    List<JsonNode> items = new ArrayList<>();
    if (document.isArray()) {
      document.forEach(items::add);
      return items;
    }
    switch (kind) {
      case KMS_LIST_GRANTS -> addAll(items, document, "Grants");
      case IAM_ROLE -> {
        addOne(items, document, "Role");
        addAll(items, document, "Roles");
        addAll(items, document, "RoleDetailList");
      }
      case LAMBDA_CONFIG -> {
        addOne(items, document, "Configuration");
        addAll(items, document, "Functions");
      }
      case KMS_DESCRIBE_KEY -> addOne(items, document, "KeyMetadata");
      case CONFIG -> {
        addAll(items, document, "configurationItems");
        addAll(items, document, "baseConfigurationItems");
        addOne(items, document, "configurationItem");
      }
      default -> throw new IllegalArgumentException(kind + " is not a snapshot kind");
    }
    if (items.isEmpty() && SourceShape.classifySnapshot(document) == kind) {
      items.add(document);
    }
    return items;
  }

  private static void addAll(List<JsonNode> items, JsonNode document, String field) {
    JsonNode list = document.get(field);
    if (list != null && list.isArray()) {
      list.forEach(items::add);
    }
  }

  private static void addOne(List<JsonNode> items, JsonNode document, String field) {
    JsonNode item = document.get(field);
    if (item != null && item.isObject()) {
      items.add(item);
    }
  }
}
