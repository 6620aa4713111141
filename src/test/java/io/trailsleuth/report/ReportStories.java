package io.trailsleuth.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes small CloudTrail stories as JSON Lines for the report tests; every name may be a hostile string. */
final class ReportStories {
  static final String ACCOUNT = "111122223333";
  static final String KEY = "arn:aws:kms:eu-west-1:111122223333:key/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";
  static final String OLD = "AROAOLDOLDOLDOLDOLD01";
  static final String NEW = "AROANEWNEWNEWNEWNEW02";
  /** Everything that can break markdown tables, code spans, Mermaid, HTML or SQL, in one string. */
  static final String HOSTILE = "x|y`z<script>alert(1)</script>-->[x](y)*_~\n'); DROP TABLE events; --";

  private final List<String> lines = new ArrayList<>();
  private final String agent;
  private int ids;

  private ReportStories(String agentSuffix) {
    this.agent = "APN/1.0 HashiCorp/1.0 Terraform/1.7.5" + agentSuffix;
  }

  /** The inputs of the golden cases, by case name. */
  static Map<String, ReportStories> goldenCases() {
    Map<String, ReportStories> cases = new LinkedHashMap<>();
    cases.put("seed-story", seed("worker-exec", "worker", ""));
    cases.put("shared-role-at-risk", sharedRoleAtRisk());
    cases.put("nothing-found", nothingFound());
    cases.put("hostile-strings", hostile());
    return cases;
  }

  /** Grant, deletion, re-creation, three failed cold starts, a role flip and recovery; a person denied too. */
  static ReportStories seed(String role, String function, String agentSuffix) {
    return new ReportStories(agentSuffix)
        .createRole("2026-03-01T09:00:00Z", role, OLD)
        .grant("2026-03-01T09:05:00Z", role, function, "g-old-worker")
        .decrypt("2026-03-01T09:10:00Z", role, OLD, function, null)
        .deleteRole("2026-03-02T10:14:05Z", role)
        .createRole("2026-03-02T10:14:09Z", role, NEW)
        .decrypt("2026-03-02T10:20:00Z", role, NEW, function, "")
        .decrypt("2026-03-02T11:20:00Z", role, NEW, function, "")
        .decrypt("2026-03-02T13:00:00Z", role, NEW, function, "")
        .flipRole("2026-03-02T13:07:00Z", function, role + "-tmp")
        .flipRole("2026-03-02T13:09:00Z", function, role)
        .grant("2026-03-02T13:09:02Z", role, function, "g-new-worker")
        .decrypt("2026-03-02T13:15:00Z", role, NEW, function, null)
        .userDenied("2026-03-02T12:00:00Z", "dev-bob", "");
  }

  /** The third generation of a role re-created twice. */
  static final String THIRD = "AROATHIRDTHIRDTHIRD03";

  /** A role deleted and re-created twice: five failed cold starts under each new generation, then a fix. */
  static ReportStories recreatedTwice() {
    ReportStories story = new ReportStories("")
        .createRole("2026-03-01T09:00:00Z", "twice-exec", OLD)
        .grant("2026-03-01T09:05:00Z", "twice-exec", "twice", "g-old-twice")
        .decrypt("2026-03-01T09:10:00Z", "twice-exec", OLD, "twice", null)
        .deleteRole("2026-03-02T10:00:00Z", "twice-exec")
        .createRole("2026-03-02T10:00:05Z", "twice-exec", NEW);
    for (int minute = 10; minute < 60; minute += 10) {
      story.decrypt("2026-03-02T10:" + minute + ":00Z", "twice-exec", NEW, "twice", "");
    }
    story.deleteRole("2026-03-02T11:00:00Z", "twice-exec").createRole("2026-03-02T11:00:05Z", "twice-exec", THIRD);
    for (int minute = 10; minute < 60; minute += 10) {
      story.decrypt("2026-03-02T11:" + minute + ":00Z", "twice-exec", THIRD, "twice", "");
    }
    return story.flipRole("2026-03-02T12:07:00Z", "twice", "twice-exec-tmp")
        .flipRole("2026-03-02T12:09:00Z", "twice", "twice-exec")
        .grant("2026-03-02T12:09:02Z", "twice-exec", "twice", "g-new-twice")
        .decrypt("2026-03-02T12:15:00Z", "twice-exec", THIRD, "twice", null);
  }

  /** Two functions share a role; one breaks and is fixed, the other has not run since and is at risk. */
  static ReportStories sharedRoleAtRisk() {
    return sharedRoleAtRisk("shared-exec", "invoices");
  }

  /** The same with the role and the at-risk function named. */
  static ReportStories sharedRoleAtRisk(String role, String atRiskFunction) {
    return seed(role, "orders", "").grant("2026-03-01T09:05:01Z", role, atRiskFunction, "g-old-invoices")
        .decrypt("2026-03-01T09:30:00Z", role, OLD, atRiskFunction, null);
  }

  /** Role churn that breaks nothing: decrypts succeed under the new role ID. */
  static ReportStories nothingFound() {
    return new ReportStories("")
        .createRole("2026-03-01T09:00:00Z", "cmk-exec", OLD)
        .grant("2026-03-01T09:05:00Z", "cmk-exec", "cmk-fn", "g1")
        .deleteRole("2026-03-02T10:00:00Z", "cmk-exec")
        .createRole("2026-03-02T10:00:04Z", "cmk-exec", NEW)
        .decrypt("2026-03-02T10:20:00Z", "cmk-exec", NEW, "cmk-fn", null);
  }

  /** The seed story with hostile role, function and user names, user agents and error messages. */
  static ReportStories hostile() {
    return seed("exec" + HOSTILE, "fn" + HOSTILE, " " + HOSTILE)
        .userDenied("2026-03-02T12:30:00Z", "eve" + HOSTILE, " " + HOSTILE);
  }

  private ReportStories add(String time, String source, String name, String identity, String extra) {
    lines.add("{\"eventVersion\":\"1.08\",\"userIdentity\":" + identity + ",\"eventTime\":\"" + time
        + "\",\"eventSource\":\"" + source + "\",\"eventName\":\"" + name + "\",\"awsRegion\":\""
        + (source.startsWith("iam") ? "us-east-1" : "eu-west-1") + "\",\"eventID\":\"ev-" + String.format("%03d", ++ids)
        + "\",\"recipientAccountId\":\"" + ACCOUNT + "\"" + extra + "}");
    return this;
  }

  private static String terraform() {
    return "{\"type\":\"AssumedRole\",\"arn\":\"arn:aws:sts::" + ACCOUNT + ":assumed-role/terraform-ci/run\","
        + "\"accountId\":\"" + ACCOUNT + "\"}";
  }

  private ReportStories createRole(String time, String role, String roleId) {
    return add(time, "iam.amazonaws.com", "CreateRole", terraform(), ",\"userAgent\":" + json(agent)
        + ",\"requestParameters\":{\"roleName\":" + json(role) + "},\"responseElements\":{\"role\":{\"roleName\":"
        + json(role) + ",\"roleId\":\"" + roleId + "\",\"arn\":" + json("arn:aws:iam::" + ACCOUNT + ":role/" + role) + "}}");
  }

  private ReportStories deleteRole(String time, String role) {
    return add(time, "iam.amazonaws.com", "DeleteRole", terraform(), ",\"userAgent\":" + json(agent)
        + ",\"requestParameters\":{\"roleName\":" + json(role) + "}");
  }

  private ReportStories grant(String time, String role, String function, String grantId) {
    String identity = "{\"type\":\"AssumedRole\",\"arn\":\"arn:aws:sts::" + ACCOUNT + ":assumed-role/deployer/x\","
        + "\"accountId\":\"" + ACCOUNT + "\",\"invokedBy\":\"lambda.amazonaws.com\"}";
    return add(time, "kms.amazonaws.com", "CreateGrant", identity, ",\"requestParameters\":{\"keyId\":\"" + KEY
        + "\",\"operations\":[\"Decrypt\",\"RetireGrant\"],\"constraints\":{\"encryptionContextEquals\":"
        + "{\"aws:lambda:FunctionArn\":" + json(functionArn(function)) + "}},\"granteePrincipal\":"
        + json("arn:aws:sts::" + ACCOUNT + ":assumed-role/" + role + "/" + function) + "},\"responseElements\":"
        + "{\"grantId\":\"" + grantId + "\"}");
  }

  /** A Decrypt by the function's session; errorSuffix null means it succeeded, otherwise it was denied. */
  private ReportStories decrypt(String time, String role, String roleId, String function, String errorSuffix) {
    String identity = "{\"type\":\"AssumedRole\",\"principalId\":" + json(roleId + ":" + function) + ",\"arn\":"
        + json("arn:aws:sts::" + ACCOUNT + ":assumed-role/" + role + "/" + function) + ",\"accountId\":\"" + ACCOUNT
        + "\",\"sessionContext\":{\"sessionIssuer\":{\"type\":\"Role\",\"principalId\":\"" + roleId + "\",\"arn\":"
        + json("arn:aws:iam::" + ACCOUNT + ":role/" + role) + ",\"accountId\":\"" + ACCOUNT + "\",\"userName\":"
        + json(role) + "}}}";
    String extra = errorSuffix == null
        ? ",\"requestParameters\":{\"encryptionContext\":{\"aws:lambda:FunctionArn\":" + json(functionArn(function)) + "}}"
        : ",\"errorCode\":\"AccessDenied\",\"errorMessage\":" + json("User: arn:aws:sts::" + ACCOUNT + ":assumed-role/"
            + role + "/" + function + " is not authorized to perform: kms:Decrypt on resource: " + KEY + errorSuffix)
            + ",\"requestParameters\":null";
    return add(time, "kms.amazonaws.com", "Decrypt", identity, extra);
  }

  private ReportStories userDenied(String time, String user, String errorSuffix) {
    String identity = "{\"type\":\"IAMUser\",\"arn\":" + json("arn:aws:iam::" + ACCOUNT + ":user/" + user)
        + ",\"accountId\":\"" + ACCOUNT + "\"}";
    return add(time, "kms.amazonaws.com", "Decrypt", identity, ",\"errorCode\":\"AccessDenied\",\"errorMessage\":"
        + json("User: arn:aws:iam::" + ACCOUNT + ":user/" + user + " is not authorized to perform: kms:Decrypt on "
            + "resource: " + KEY + errorSuffix) + ",\"userAgent\":" + json(agent) + ",\"requestParameters\":null");
  }

  private ReportStories flipRole(String time, String function, String role) {
    String identity = "{\"type\":\"AssumedRole\",\"arn\":\"arn:aws:sts::" + ACCOUNT + ":assumed-role/Admin/alice\","
        + "\"accountId\":\"" + ACCOUNT + "\"}";
    return add(time, "lambda.amazonaws.com", "UpdateFunctionConfiguration20150331v2", identity,
        ",\"userAgent\":\"AWS Internal\",\"sessionCredentialFromConsole\":\"true\",\"requestParameters\":{\"functionName\":"
            + json(function) + ",\"role\":" + json("arn:aws:iam::" + ACCOUNT + ":role/" + role) + "},\"responseElements\":{"
            + "\"functionArn\":" + json(functionArn(function)) + "}");
  }

  private static String functionArn(String function) {
    return "arn:aws:lambda:eu-west-1:" + ACCOUNT + ":function:" + function;
  }

  /** A JSON string literal. */
  static String json(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
      }
    }
    return out.append('"').toString();
  }

  /** The JSON Lines text. */
  String text() {
    return String.join("\n", lines) + "\n";
  }

  Path write(Path directory, String name) throws IOException {
    Files.createDirectories(directory);
    Path file = directory.resolve(name);
    Files.writeString(file, text(), StandardCharsets.UTF_8);
    return file;
  }
}
