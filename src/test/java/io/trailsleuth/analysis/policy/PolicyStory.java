package io.trailsleuth.analysis.policy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes synthetic CloudTrail stories of policy writes, role re-creations and denials as JSON Lines, for the drift tests. */
public final class PolicyStory {
  public static final String ACCOUNT = "111122223333";
  public static final String OTHER_ACCOUNT = "444455556666";
  public static final String REGION = "eu-west-1";
  public static final String KEY = "arn:aws:kms:eu-west-1:111122223333:key/1a2b3c4d-0000-4000-8000-00000000beef";
  private static final ObjectMapper JSON = new ObjectMapper();
  private final List<String> lines = new ArrayList<>();
  private int ids;

  /** The ARN of a role. */
  public static String roleArn(String account, String role) {
    return "arn:aws:iam::" + account + ":role/" + role;
  }

  /** A policy document with one Allow statement for a principal value (a string, or a list for several). */
  public static ObjectNode policy(String principalKey, String action, String... principals) {
    ObjectNode document = JSON.createObjectNode().put("Version", "2012-10-17");
    ObjectNode statement = document.putArray("Statement").addObject()
        .put("Sid", "Access").put("Effect", principalKey.equals("NotPrincipal") ? "Deny" : "Allow");
    ObjectNode principal = statement.putObject(principalKey);
    if (principals.length == 1) {
      principal.put("AWS", principals[0]);
    } else {
      ArrayNode list = principal.putArray("AWS");
      for (String value : principals) {
        list.add(value);
      }
    }
    statement.put("Action", action).put("Resource", "*");
    return document;
  }

  /** A policy that names a role only in an aws:PrincipalArn condition, which never drifts. */
  public static ObjectNode conditionPolicy(String action, String roleArn) {
    ObjectNode document = JSON.createObjectNode().put("Version", "2012-10-17");
    ObjectNode statement = document.putArray("Statement").addObject().put("Effect", "Allow");
    statement.putObject("Principal").put("AWS", "*");
    statement.put("Action", action).put("Resource", "*");
    statement.putObject("Condition").putObject("ArnEquals").put("aws:PrincipalArn", roleArn);
    return document;
  }

  private ObjectNode record(String time, String source, String name, ObjectNode identity) {
    ObjectNode record = JSON.createObjectNode();
    record.put("eventVersion", "1.09");
    record.set("userIdentity", identity);
    record.put("eventTime", time).put("eventSource", source).put("eventName", name)
        .put("awsRegion", source.startsWith("iam") ? "us-east-1" : REGION).put("sourceIPAddress", "198.51.100.7")
        .put("userAgent", "aws-cli/2.15.0 Python/3.11").put("eventID", "ev-" + (++ids))
        .put("recipientAccountId", identity.path("accountId").asText(ACCOUNT));
    return record;
  }

  private static ObjectNode admin(String account) {
    return JSON.createObjectNode().put("type", "IAMUser").put("principalId", "AIDAADMINADMINADMIN1")
        .put("arn", "arn:aws:iam::" + account + ":user/admin").put("accountId", account).put("userName", "admin");
  }

  private static ObjectNode session(String account, String role, String roleId, String sessionName) {
    ObjectNode identity = JSON.createObjectNode().put("type", "AssumedRole").put("principalId", roleId + ":" + sessionName)
        .put("arn", "arn:aws:sts::" + account + ":assumed-role/" + role + "/" + sessionName).put("accountId", account);
    identity.putObject("sessionContext").putObject("sessionIssuer").put("type", "Role").put("principalId", roleId)
        .put("arn", roleArn(account, role)).put("accountId", account).put("userName", role);
    return identity;
  }

  private PolicyStory add(ObjectNode record) {
    lines.add(record.toString());
    return this;
  }

  public PolicyStory createRole(String time, String account, String role, String roleId, ObjectNode trust) {
    ObjectNode record = record(time, "iam.amazonaws.com", "CreateRole", admin(account));
    record.putObject("requestParameters").put("roleName", role)
        .put("assumeRolePolicyDocument", trust == null ? "{}" : trust.toString());
    record.putObject("responseElements").putObject("role").put("roleName", role).put("roleId", roleId)
        .put("arn", roleArn(account, role)).put("assumeRolePolicyDocument",
            java.net.URLEncoder.encode(trust == null ? "{}" : trust.toString(), StandardCharsets.UTF_8).replace("+", "%20"));
    return add(record);
  }

  /** A CreateRole whose trust policy is only in the response, URL-encoded as IAM returns it. */
  public PolicyStory createRoleWithEncodedTrustOnly(String time, String account, String role, String roleId,
      ObjectNode trust) {
    createRole(time, account, role, roleId, trust);
    ObjectNode record = (ObjectNode) parse(lines.remove(lines.size() - 1));
    ((ObjectNode) record.path("requestParameters")).remove("assumeRolePolicyDocument");
    return add(record);
  }

  private static com.fasterxml.jackson.databind.JsonNode parse(String line) {
    try {
      return JSON.readTree(line);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public PolicyStory createRole(String time, String account, String role, String roleId) {
    return createRole(time, account, role, roleId, null);
  }

  public PolicyStory deleteRole(String time, String account, String role) {
    ObjectNode record = record(time, "iam.amazonaws.com", "DeleteRole", admin(account));
    record.putObject("requestParameters").put("roleName", role);
    record.putNull("responseElements");
    return add(record);
  }

  public PolicyStory updateTrust(String time, String account, String role, ObjectNode trust) {
    ObjectNode record = record(time, "iam.amazonaws.com", "UpdateAssumeRolePolicy", admin(account));
    record.putObject("requestParameters").put("roleName", role).put("policyDocument", trust.toPrettyString());
    record.putNull("responseElements");
    return add(record);
  }

  public PolicyStory putBucketPolicy(String time, String account, String bucket, ObjectNode policy) {
    ObjectNode record = record(time, "s3.amazonaws.com", "PutBucketPolicy", admin(account));
    record.putObject("requestParameters").put("bucketName", bucket).put("Host", bucket + ".s3.amazonaws.com")
        .put("policy", "").set("bucketPolicy", policy);
    record.putNull("responseElements");
    return add(record);
  }

  public PolicyStory deleteBucketPolicy(String time, String account, String bucket) {
    ObjectNode record = record(time, "s3.amazonaws.com", "DeleteBucketPolicy", admin(account));
    record.putObject("requestParameters").put("bucketName", bucket);
    return add(record);
  }

  public PolicyStory createKey(String time, String account, String keyArn, ObjectNode policy) {
    ObjectNode record = record(time, "kms.amazonaws.com", "CreateKey", admin(account));
    record.putObject("requestParameters").put("keySpec", "SYMMETRIC_DEFAULT").put("policy", policy.toPrettyString());
    record.putObject("responseElements").putObject("keyMetadata").put("arn", keyArn)
        .put("keyId", keyArn.substring(keyArn.lastIndexOf('/') + 1));
    return add(record);
  }

  public PolicyStory putKeyPolicy(String time, String account, String keyArn, ObjectNode policy) {
    ObjectNode record = record(time, "kms.amazonaws.com", "PutKeyPolicy", admin(account));
    record.putObject("requestParameters").put("keyId", keyArn.substring(keyArn.lastIndexOf('/') + 1))
        .put("policyName", "default").put("policy", policy.toPrettyString());
    record.putArray("resources").addObject().put("ARN", keyArn).put("type", "AWS::KMS::Key");
    return add(record);
  }

  public PolicyStory createGrant(String time, String account, String keyArn, String granteeArn, String grantId) {
    ObjectNode record = record(time, "kms.amazonaws.com", "CreateGrant", admin(account));
    ObjectNode request = record.putObject("requestParameters").put("keyId", keyArn).put("granteePrincipal", granteeArn);
    request.putArray("operations").add("Decrypt").add("GenerateDataKey");
    record.putObject("responseElements").put("grantId", grantId);
    return add(record);
  }

  public PolicyStory setQueuePolicy(String time, String account, String queueUrl, ObjectNode policy) {
    ObjectNode record = record(time, "sqs.amazonaws.com", "SetQueueAttributes", admin(account));
    record.putObject("requestParameters").put("queueUrl", queueUrl).putObject("attributes")
        .put("Policy", policy.toString());
    return add(record);
  }

  public PolicyStory setTopicPolicy(String time, String account, String topicArn, ObjectNode policy) {
    ObjectNode record = record(time, "sns.amazonaws.com", "SetTopicAttributes", admin(account));
    record.putObject("requestParameters").put("topicArn", topicArn).put("attributeName", "Policy")
        .put("attributeValue", policy.toString());
    return add(record);
  }

  public PolicyStory putSecretPolicy(String time, String account, String secretArn, ObjectNode policy) {
    ObjectNode record = record(time, "secretsmanager.amazonaws.com", "PutResourcePolicy", admin(account));
    record.putObject("requestParameters").put("secretId", secretArn).put("resourcePolicy", policy.toString())
        .put("blockPublicPolicy", true);
    record.putObject("responseElements").put("arn", secretArn)
        .put("name", secretArn.substring(secretArn.indexOf(":secret:") + 8, secretArn.length() - 7));
    return add(record);
  }

  public PolicyStory setRepositoryPolicy(String time, String account, String repository, ObjectNode policy) {
    ObjectNode record = record(time, "ecr.amazonaws.com", "SetRepositoryPolicy", admin(account));
    record.putObject("requestParameters").put("repositoryName", repository).put("policyText", policy.toString())
        .put("force", false);
    return add(record);
  }

  public PolicyStory addPermission(String time, String account, String function, String statementId, String principal) {
    ObjectNode record = record(time, "lambda.amazonaws.com", "AddPermission20150331v2", admin(account));
    record.putObject("requestParameters").put("functionName", function).put("statementId", statementId)
        .put("action", "lambda:InvokeFunction").put("principal", principal);
    ObjectNode statement = JSON.createObjectNode().put("Sid", statementId).put("Effect", "Allow");
    statement.putObject("Principal").put("AWS", principal);
    statement.put("Action", "lambda:InvokeFunction").put("Resource",
        "arn:aws:lambda:" + REGION + ":" + account + ":function:" + function);
    record.putObject("responseElements").put("statement", statement.toString());
    return add(record);
  }

  public PolicyStory removePermission(String time, String account, String function, String statementId) {
    ObjectNode record = record(time, "lambda.amazonaws.com", "RemovePermission20150331v2", admin(account));
    record.putObject("requestParameters").put("functionName", function).put("statementId", statementId);
    record.putNull("responseElements");
    return add(record);
  }

  /** A call by a session of a role, denied; requestParameters as given (null for a denied AssumeRole). */
  public PolicyStory denied(String time, String account, String role, String roleId, String source, String name,
      ObjectNode request, String resourceArn) {
    ObjectNode record = record(time, source, name, session(account, role, roleId, "job"));
    record.put("errorCode", source.startsWith("kms") ? "AccessDeniedException" : "AccessDenied");
    record.put("errorMessage", "User: arn:aws:sts::" + account + ":assumed-role/" + role + "/job is not authorized to "
        + "perform: " + source.substring(0, source.indexOf('.')) + ":" + name + " on resource: " + resourceArn
        + " because no resource-based policy allows the " + source.substring(0, source.indexOf('.')) + ":" + name
        + " action");
    if (request == null) {
      record.putNull("requestParameters");
    } else {
      record.set("requestParameters", request);
    }
    record.putNull("responseElements");
    return add(record);
  }

  /** A successful call by a session of a role. */
  public PolicyStory used(String time, String account, String role, String roleId, String source, String name,
      ObjectNode request) {
    ObjectNode record = record(time, source, name, session(account, role, roleId, "job"));
    record.set("requestParameters", request);
    return add(record);
  }

  /** A request-parameters object with one field. */
  public static ObjectNode request(String field, String value) {
    return JSON.createObjectNode().put(field, value);
  }

  public Path write(Path directory, String name) throws IOException {
    Files.createDirectories(directory);
    Path file = directory.resolve(name);
    Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    return file;
  }
}
