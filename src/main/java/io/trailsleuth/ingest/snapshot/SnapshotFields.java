package io.trailsleuth.ingest.snapshot;

import static io.trailsleuth.model.SnapshotColumn.ACCOUNT_ID;
import static io.trailsleuth.model.SnapshotColumn.CAPTURED_AT;
import static io.trailsleuth.model.SnapshotColumn.FUNCTION_ARN;
import static io.trailsleuth.model.SnapshotColumn.FUNCTION_KEY_ARN;
import static io.trailsleuth.model.SnapshotColumn.FUNCTION_NAME;
import static io.trailsleuth.model.SnapshotColumn.FUNCTION_ROLE_ARN;
import static io.trailsleuth.model.SnapshotColumn.GRANTEE_PRINCIPAL;
import static io.trailsleuth.model.SnapshotColumn.GRANTEE_ROLE_ID;
import static io.trailsleuth.model.SnapshotColumn.GRANTEE_SESSION;
import static io.trailsleuth.model.SnapshotColumn.GRANT_CREATED_AT;
import static io.trailsleuth.model.SnapshotColumn.GRANT_FUNCTION_ARN;
import static io.trailsleuth.model.SnapshotColumn.GRANT_ID;
import static io.trailsleuth.model.SnapshotColumn.ITEM_TYPE;
import static io.trailsleuth.model.SnapshotColumn.KEY_ARN;
import static io.trailsleuth.model.SnapshotColumn.KEY_MANAGER;
import static io.trailsleuth.model.SnapshotColumn.REGION;
import static io.trailsleuth.model.SnapshotColumn.ROLE_ARN;
import static io.trailsleuth.model.SnapshotColumn.ROLE_CREATED_AT;
import static io.trailsleuth.model.SnapshotColumn.ROLE_DELETED;
import static io.trailsleuth.model.SnapshotColumn.ROLE_ID;
import static io.trailsleuth.model.SnapshotColumn.ROLE_NAME;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trailsleuth.ingest.EventTimes;
import io.trailsleuth.ingest.SourceShape;
import io.trailsleuth.model.SnapshotItem;
import java.io.IOException;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the typed fields the analysis joins on from one snapshot item, for every spelling the AWS CLI, the APIs and
 * AWS Config deliveries use. Only what the content proves is taken: a CLI output has no capture time.
 */
public final class SnapshotFields {
  /** A grantee shown by unique ID, as KMS lists a grant whose role was deleted: {@code AROA...:session}. */
  private static final Pattern UNIQUE_ID_GRANTEE = Pattern.compile("^(AROA[A-Z0-9]{8,})(?::(.*))?$");
  private static final Pattern ARN = Pattern.compile("^arn:[^:]+:[^:]+:([^:]*):(\\d{12})?:");

  private final ObjectMapper mapper;

  public SnapshotFields(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** The typed fields of one item of a snapshot of the given kind. */
  public SnapshotItem read(SourceShape kind, JsonNode node) {
    SnapshotItem item = new SnapshotItem();
    if (!node.isObject()) {
      return item.set(ITEM_TYPE, "not-an-object");
    }
    switch (kind) {
      case KMS_LIST_GRANTS -> grant(node, item);
      case IAM_ROLE -> role(node, item);
      case LAMBDA_CONFIG -> function(node.has("Configuration") ? node.get("Configuration") : node, item);
      case KMS_DESCRIBE_KEY -> key(node.has("KeyMetadata") ? node.get("KeyMetadata") : node, item);
      case CONFIG -> configurationItem(node, item);
      default -> throw new IllegalArgumentException(kind + " is not a snapshot kind");
    }
    return item;
  }

  private static void grant(JsonNode grant, SnapshotItem item) {
    String keyArn = text(grant, "KeyId");
    String grantee = text(grant, "GranteePrincipal");
    String functionArn = text(grant.path("Constraints").path("EncryptionContextEquals"), "aws:lambda:FunctionArn");
    item.set(ITEM_TYPE, "grant").set(KEY_ARN, keyArn).set(GRANT_ID, text(grant, "GrantId"))
        .set(GRANTEE_PRINCIPAL, grantee).set(GRANT_FUNCTION_ARN, functionArn)
        .set(GRANT_CREATED_AT, time(grant.get("CreationDate")));
    accountAndRegion(item, keyArn);
    if (item.get(ACCOUNT_ID) == null) {
      accountAndRegion(item, text(grant, "IssuingAccount"));
    }
    if (grantee == null) {
      return;
    }
    Matcher byId = UNIQUE_ID_GRANTEE.matcher(grantee);
    if (byId.matches()) {
      item.set(GRANTEE_ROLE_ID, byId.group(1)).set(GRANTEE_SESSION, byId.group(2));
      return;
    }
    int assumed = grantee.indexOf(":assumed-role/");
    if (assumed >= 0) {
      String rest = grantee.substring(assumed + ":assumed-role/".length());
      String functionName = functionArn == null ? null : functionNameOf(functionArn);
      // Lambda's session name is the function name, so the role is what lies before "/FUNCTION" even if it has "/"
      String session = functionName != null && rest.endsWith("/" + functionName) ? functionName
          : rest.substring(rest.indexOf('/') + 1);
      String role = rest.length() > session.length() ? rest.substring(0, rest.length() - session.length() - 1) : null;
      item.set(ROLE_NAME, role).set(GRANTEE_SESSION, session);
    }
  }

  private static void role(JsonNode role, SnapshotItem item) {
    String arn = text(role, "Arn");
    item.set(ITEM_TYPE, "role").set(ROLE_NAME, text(role, "RoleName")).set(ROLE_ID, text(role, "RoleId"))
        .set(ROLE_ARN, arn).set(ROLE_CREATED_AT, time(role.get("CreateDate")));
    accountAndRegion(item, arn);
  }

  private static void function(JsonNode function, SnapshotItem item) {
    String arn = text(function, "FunctionArn");
    item.set(ITEM_TYPE, "function").set(FUNCTION_NAME, text(function, "FunctionName")).set(FUNCTION_ARN, arn)
        .set(FUNCTION_ROLE_ARN, text(function, "Role")).set(FUNCTION_KEY_ARN, text(function, "KMSKeyArn"));
    accountAndRegion(item, arn);
  }

  private static void key(JsonNode key, SnapshotItem item) {
    String arn = text(key, "Arn");
    item.set(ITEM_TYPE, "key").set(KEY_ARN, arn).set(KEY_MANAGER, text(key, "KeyManager"));
    accountAndRegion(item, arn);
    if (item.get(ACCOUNT_ID) == null) {
      item.set(ACCOUNT_ID, text(key, "AWSAccountId"));
    }
  }

  private void configurationItem(JsonNode node, SnapshotItem item) {
    String type = text(node, "resourceType");
    JsonNode configuration = configuration(node.get("configuration"));
    String arn = first(text(node, "ARN"), text(node, "arn"));
    String status = text(node, "configurationItemStatus");
    item.set(ITEM_TYPE, type == null ? "unknown" : type)
        .set(ACCOUNT_ID, first(text(node, "awsAccountId"), text(node, "accountId")))
        .set(REGION, text(node, "awsRegion"))
        .set(CAPTURED_AT, time(node.get("configurationItemCaptureTime")));
    if ("AWS::IAM::Role".equals(type)) {
      item.set(ROLE_NAME, first(text(configuration, "roleName"), text(node, "resourceName")))
          .set(ROLE_ID, first(text(configuration, "roleId"), text(node, "resourceId")))
          .set(ROLE_ARN, first(arn, text(configuration, "arn")))
          .set(ROLE_CREATED_AT, time(first(node.get("resourceCreationTime"), configuration.get("createDate"))))
          .set(ROLE_DELETED, status == null ? null : status.startsWith("ResourceDeleted"));
    } else if ("AWS::Lambda::Function".equals(type)) {
      String functionArn = first(arn, text(configuration, "functionArn"));
      item.set(FUNCTION_NAME, first(text(configuration, "functionName"), text(node, "resourceName")))
          .set(FUNCTION_ARN, functionArn)
          .set(FUNCTION_ROLE_ARN, text(configuration, "role"))
          .set(FUNCTION_KEY_ARN, first(text(configuration, "kmskeyArn"),
              first(text(configuration, "kmsKeyArn"), text(configuration, "KMSKeyArn"))));
    } else if ("AWS::KMS::Key".equals(type)) {
      item.set(KEY_ARN, first(arn, text(configuration, "arn")))
          .set(KEY_MANAGER, text(configuration, "keyManager"));
    }
  }

  /** Config's {@code configuration} is an object in S3 deliveries and a JSON-encoded string in API output. */
  private JsonNode configuration(JsonNode value) {
    if (value != null && value.isTextual()) {
      try {
        return mapper.readTree(value.asText());
      } catch (IOException e) {
        return mapper.missingNode();
      }
    }
    return value == null ? mapper.missingNode() : value;
  }

  /** ISO-8601 with any offset, IAM's "Aug 1, 2024 1:37:41 PM", or epoch seconds as a number; null otherwise. */
  static Instant time(JsonNode value) {
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isNumber()) {
      double seconds = value.asDouble();
      long whole = (long) Math.floor(seconds);
      return Instant.ofEpochSecond(whole, Math.round((seconds - whole) * 1_000_000) * 1000);
    }
    return value.isTextual() ? EventTimes.parseLenient(value.asText()) : null;
  }

  private static void accountAndRegion(SnapshotItem item, String arn) {
    if (arn == null) {
      return;
    }
    Matcher matcher = ARN.matcher(arn);
    if (matcher.find()) {
      item.set(REGION, matcher.group(1).isEmpty() ? null : matcher.group(1)).set(ACCOUNT_ID, matcher.group(2));
    }
  }

  static String functionNameOf(String functionArn) {
    int at = functionArn.indexOf(":function:");
    if (at < 0) {
      return null;
    }
    String rest = functionArn.substring(at + ":function:".length());
    int qualifier = rest.indexOf(':');
    return qualifier < 0 ? rest : rest.substring(0, qualifier);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
  }

  private static <T> T first(T a, T b) {
    return a != null ? a : b;
  }
}
