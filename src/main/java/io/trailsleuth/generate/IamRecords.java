package io.trailsleuth.generate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** IAM role lifecycle records (CreateRole, Attach/DetachRolePolicy, DeleteRole), recorded in us-east-1. */
final class IamRecords {
  static final String REGION = "us-east-1";
  private static final String LAMBDA_TRUST_POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":"
      + "\"Allow\",\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";

  private final RandomIds ids;

  IamRecords(RandomIds ids) {
    this.ids = ids;
  }

  /** CreateRole; the response carries the role's unique id and IAM's non-ISO createDate. */
  ObjectNode createRole(Caller caller, Instant time, String roleName, String roleId, String description) {
    String account = caller.principal().account();
    String arn = "arn:aws:iam::" + account + ":role/" + roleName;
    ObjectNode request = Json.object("path", "/", "roleName", roleName,
        "assumeRolePolicyDocument", LAMBDA_TRUST_POLICY, "description", description);
    if (!caller.console()) {
      request.put("maxSessionDuration", 3600);
    }
    ObjectNode role = Json.object("path", "/", "roleName", roleName, "roleId", roleId, "arn", arn,
        "createDate", Times.iamDate(time),
        "assumeRolePolicyDocument", URLEncoder.encode(LAMBDA_TRUST_POLICY, StandardCharsets.UTF_8));
    return caller.call(time, "iam", "CreateRole", REGION)
        .request(request).response(Json.object("role", role)).build(ids, account);
  }

  ObjectNode attachRolePolicy(Caller caller, Instant time, String roleName, String policyArn) {
    return rolePolicy(caller, time, "AttachRolePolicy", roleName, policyArn);
  }

  ObjectNode detachRolePolicy(Caller caller, Instant time, String roleName, String policyArn) {
    return rolePolicy(caller, time, "DetachRolePolicy", roleName, policyArn);
  }

  /** DeleteRole names the role only; its unique id is not in the record. */
  ObjectNode deleteRole(Caller caller, Instant time, String roleName) {
    return caller.call(time, "iam", "DeleteRole", REGION)
        .request(Json.object("roleName", roleName)).build(ids, caller.principal().account());
  }

  private ObjectNode rolePolicy(Caller caller, Instant time, String eventName, String roleName, String policyArn) {
    return caller.call(time, "iam", eventName, REGION)
        .request(Json.object("roleName", roleName, "policyArn", policyArn)).build(ids, caller.principal().account());
  }
}
