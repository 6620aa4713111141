package io.trailsleuth.analysis;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes small synthetic CloudTrail stories as JSON Lines, one record per call, for the analysis tests. */
final class StoryLogs {
  static final String ACCOUNT = "111122223333";
  static final String KEY = "arn:aws:kms:eu-west-1:111122223333:key/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";
  private final List<String> lines = new ArrayList<>();
  private int ids;

  private String envelope(String time, String source, String name, String identity, String extra) {
    return "{\"eventVersion\":\"1.08\",\"userIdentity\":" + identity + ",\"eventTime\":\"" + time
        + "\",\"eventSource\":\"" + source + "\",\"eventName\":\"" + name + "\",\"awsRegion\":\""
        + (source.startsWith("iam") ? "us-east-1" : "eu-west-1") + "\",\"eventID\":\"ev-" + (++ids)
        + "\",\"recipientAccountId\":\"" + accountOf(identity) + "\"" + extra + "}";
  }

  private static String accountOf(String identity) {
    int at = identity.indexOf("\"accountId\":\"");
    return at < 0 ? ACCOUNT : identity.substring(at + 13, identity.indexOf('"', at + 13));
  }

  static String terraform(String account) {
    return "{\"type\":\"AssumedRole\",\"arn\":\"arn:aws:sts::" + account + ":assumed-role/terraform-ci/run\","
        + "\"accountId\":\"" + account + "\"}";
  }

  StoryLogs createRole(String time, String account, String role, String roleId) {
    lines.add(envelope(time, "iam.amazonaws.com", "CreateRole", terraform(account),
        ",\"userAgent\":\"APN/1.0 HashiCorp/1.0 Terraform/1.7.5\",\"requestParameters\":{\"roleName\":\"" + role
            + "\"},\"responseElements\":{\"role\":{\"roleName\":\"" + role + "\",\"roleId\":\"" + roleId
            + "\",\"arn\":\"arn:aws:iam::" + account + ":role/" + role + "\"}}"));
    return this;
  }

  StoryLogs deleteRole(String time, String account, String role) {
    lines.add(envelope(time, "iam.amazonaws.com", "DeleteRole", terraform(account),
        ",\"userAgent\":\"APN/1.0 HashiCorp/1.0 Terraform/1.7.5\",\"requestParameters\":{\"roleName\":\"" + role + "\"}"));
    return this;
  }

  StoryLogs grant(String time, String account, String role, String function, String grantId) {
    String arn = "arn:aws:lambda:eu-west-1:" + account + ":function:" + function;
    String grantee = "arn:aws:sts::" + account + ":assumed-role/" + role + "/" + function;
    String identity = "{\"type\":\"AssumedRole\",\"arn\":\"arn:aws:sts::" + account + ":assumed-role/deployer/x\","
        + "\"accountId\":\"" + account + "\",\"invokedBy\":\"lambda.amazonaws.com\"}";
    lines.add(envelope(time, "kms.amazonaws.com", "CreateGrant", identity,
        ",\"requestParameters\":{\"keyId\":\"" + KEY + "\",\"operations\":[\"Decrypt\",\"RetireGrant\"],"
            + "\"constraints\":{\"encryptionContextEquals\":{\"aws:lambda:FunctionArn\":\"" + arn + "\"}},"
            + "\"granteePrincipal\":\"" + grantee + "\"},\"responseElements\":{\"grantId\":\"" + grantId + "\"}"));
    return this;
  }

  StoryLogs decrypt(String time, String account, String role, String roleId, String function, boolean denied) {
    String identity = "{\"type\":\"AssumedRole\",\"principalId\":\"" + roleId + ":" + function + "\",\"arn\":\"arn:aws:sts::"
        + account + ":assumed-role/" + role + "/" + function + "\",\"accountId\":\"" + account + "\",\"sessionContext\":"
        + "{\"sessionIssuer\":{\"type\":\"Role\",\"principalId\":\"" + roleId + "\",\"arn\":\"arn:aws:iam::" + account
        + ":role/" + role + "\",\"accountId\":\"" + account + "\",\"userName\":\"" + role + "\"}}}";
    String arn = "arn:aws:lambda:eu-west-1:" + account + ":function:" + function;
    String extra = denied
        ? ",\"errorCode\":\"AccessDenied\",\"errorMessage\":\"User: arn:aws:sts::" + account + ":assumed-role/" + role
            + "/" + function + " is not authorized to perform: kms:Decrypt on resource: " + KEY + "\",\"requestParameters\":null"
        : ",\"requestParameters\":{\"encryptionContext\":{\"aws:lambda:FunctionArn\":\"" + arn + "\"}}";
    lines.add(envelope(time, "kms.amazonaws.com", "Decrypt", identity, extra));
    return this;
  }

  /** A role session's Decrypt on a customer-managed key, without Lambda's encryption context. */
  StoryLogs customerKeyDecrypt(String time, String role, String roleId, String session, String key, boolean denied) {
    String identity = "{\"type\":\"AssumedRole\",\"principalId\":\"" + roleId + ":" + session + "\",\"arn\":\"arn:aws:sts::"
        + ACCOUNT + ":assumed-role/" + role + "/" + session + "\",\"accountId\":\"" + ACCOUNT + "\",\"sessionContext\":"
        + "{\"sessionIssuer\":{\"type\":\"Role\",\"principalId\":\"" + roleId + "\",\"arn\":\"arn:aws:iam::" + ACCOUNT
        + ":role/" + role + "\",\"accountId\":\"" + ACCOUNT + "\",\"userName\":\"" + role + "\"}}}";
    String extra = denied
        ? ",\"errorCode\":\"AccessDeniedException\",\"errorMessage\":\"User: arn:aws:sts::" + ACCOUNT + ":assumed-role/"
            + role + "/" + session + " is not authorized to perform: kms:Decrypt on resource: " + key
            + " because no resource-based policy allows the kms:Decrypt action\",\"requestParameters\":null"
        : ",\"requestParameters\":{\"keyId\":\"" + key + "\",\"encryptionAlgorithm\":\"SYMMETRIC_DEFAULT\"}";
    lines.add(envelope(time, "kms.amazonaws.com", "Decrypt", identity, extra));
    return this;
  }

  StoryLogs userDenied(String time, String user) {
    String identity = "{\"type\":\"IAMUser\",\"arn\":\"arn:aws:iam::" + ACCOUNT + ":user/" + user + "\",\"accountId\":\""
        + ACCOUNT + "\"}";
    lines.add(envelope(time, "kms.amazonaws.com", "Decrypt", identity, ",\"errorCode\":\"AccessDenied\","
        + "\"errorMessage\":\"User: arn:aws:iam::" + ACCOUNT + ":user/" + user
        + " is not authorized to perform: kms:Decrypt on resource: " + KEY + "\",\"requestParameters\":null"));
    return this;
  }

  StoryLogs flipRole(String time, String account, String function, String role) {
    String identity = "{\"type\":\"AssumedRole\",\"arn\":\"arn:aws:sts::" + account + ":assumed-role/Admin/alice\","
        + "\"accountId\":\"" + account + "\"}";
    lines.add(envelope(time, "lambda.amazonaws.com", "UpdateFunctionConfiguration20150331v2", identity,
        ",\"userAgent\":\"AWS Internal\",\"sessionCredentialFromConsole\":\"true\",\"requestParameters\":{\"functionName\":\""
            + function + "\",\"role\":\"arn:aws:iam::" + account + ":role/" + role + "\"},\"responseElements\":{"
            + "\"functionArn\":\"arn:aws:lambda:eu-west-1:" + account + ":function:" + function + "\"}"));
    return this;
  }

  /** A CreateFunction of the function with this role and, unless null, this customer-managed key. */
  StoryLogs createFunction(String time, String function, String role, String customerKey) {
    String key = customerKey == null ? "" : ",\"kMSKeyArn\":\"" + customerKey + "\"";
    String roleArn = "arn:aws:iam::" + ACCOUNT + ":role/" + role;
    lines.add(envelope(time, "lambda.amazonaws.com", "CreateFunction20150331", terraform(ACCOUNT),
        ",\"requestParameters\":{\"functionName\":\"" + function + "\",\"role\":\"" + roleArn + "\"" + key
            + "},\"responseElements\":{\"functionName\":\"" + function + "\",\"functionArn\":\"arn:aws:lambda:eu-west-1:"
            + ACCOUNT + ":function:" + function + "\",\"role\":\"" + roleArn + "\"" + key + "}"));
    return this;
  }

  /** An UpdateFunctionConfiguration that sets the function's customer-managed key ("" goes back to aws/lambda). */
  StoryLogs updateKey(String time, String function, String customerKey) {
    lines.add(envelope(time, "lambda.amazonaws.com", "UpdateFunctionConfiguration20150331v2", terraform(ACCOUNT),
        ",\"requestParameters\":{\"functionName\":\"" + function + "\",\"kMSKeyArn\":\"" + customerKey + "\"},"
            + "\"responseElements\":{\"functionArn\":\"arn:aws:lambda:eu-west-1:" + ACCOUNT + ":function:" + function
            + "\"}"));
    return this;
  }

  StoryLogs invokeDenied(String time, String account, String function) {
    String identity = "{\"type\":\"AssumedRole\",\"arn\":\"arn:aws:sts::" + account + ":assumed-role/caller/app\","
        + "\"accountId\":\"" + account + "\"}";
    lines.add(envelope(time, "lambda.amazonaws.com", "Invoke", identity, ",\"eventCategory\":\"Data\","
        + "\"errorCode\":\"KMSAccessDeniedException\",\"errorMessage\":\"Lambda was unable to decrypt the environment "
        + "variables because KMS access was denied.\",\"requestParameters\":{\"functionName\":\"arn:aws:lambda:eu-west-1:"
        + account + ":function:" + function + "\"}"));
    return this;
  }

  Path write(Path directory, String name) throws IOException {
    Files.createDirectories(directory);
    Path file = directory.resolve(name);
    Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    return file;
  }
}
