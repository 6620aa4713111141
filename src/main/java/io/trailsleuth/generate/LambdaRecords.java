package io.trailsleuth.generate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** Lambda control-plane records and the KMS grant Lambda makes on the caller's behalf. */
final class LambdaRecords {
  private static final String LAMBDA = "lambda.amazonaws.com";

  private final RandomIds ids;
  private final String region;

  LambdaRecords(RandomIds ids, String region) {
    this.ids = ids;
    this.region = region;
  }

  /** CreateFunction20150331 with empty environment and no kMSKeyArn, so Lambda uses the aws/lambda key. */
  ObjectNode createFunction(Caller caller, Instant time, FunctionFacts function, String roleArn) {
    ObjectNode request = Json.object("functionName", function.name(), "runtime", function.runtime(),
        "role", roleArn, "handler", "app.handler", "code", Json.object(), "description", "",
        "timeout", 30, "memorySize", 256, "publish", false, "environment", Json.object(),
        "tracingConfig", Json.object("mode", "PassThrough"), "packageType", "Zip",
        "architectures", Json.strings("x86_64"));
    ObjectNode response = configuration(time, function, roleArn, "Pending");
    response.put("stateReason", "The function is being created.");
    response.put("stateReasonCode", "Creating");
    return caller.call(time, "lambda", "CreateFunction20150331", region).version("1.08")
        .request(request).response(response).build(ids, caller.principal().account());
  }

  /** UpdateFunctionConfiguration20150331v2 that changes only the execution role. */
  ObjectNode updateRole(Caller caller, Instant time, FunctionFacts function, String roleArn) {
    ObjectNode response = configuration(time, function, roleArn, "Active");
    response.put("lastUpdateStatus", "InProgress");
    response.put("lastUpdateStatusReason", "The function is being created.");
    response.put("lastUpdateStatusReasonCode", "Creating");
    return caller.call(time, "lambda", "UpdateFunctionConfiguration20150331v2", region).version("1.08")
        .request(Json.object("functionName", function.name(), "role", roleArn))
        .response(response).build(ids, caller.principal().account());
  }

  /** The grant Lambda creates on the aws/lambda key for the function's execution-role session. */
  ObjectNode createGrant(Principal caller, Instant time, FunctionFacts function, String roleName, String keyArn) {
    String account = caller.account();
    String grantee = "arn:aws:sts::" + account + ":assumed-role/" + roleName + "/" + function.name();
    ObjectNode request = Json.object("keyId", keyArn, "operations", Json.strings("Decrypt", "RetireGrant"),
        "constraints", Json.object("encryptionContextEquals", Json.object("aws:lambda:FunctionArn", function.arn())),
        "retiringPrincipal", grantee, "granteePrincipal", grantee);
    return new RecordBuilder(caller.identity(LAMBDA), time, "kms.amazonaws.com", "CreateGrant", region, LAMBDA, LAMBDA)
        .version("1.08").request(request).response(Json.object("grantId", ids.hex(64), "keyId", keyArn))
        .resources(Json.resource(account, "AWS::KMS::Key", keyArn)).build(ids, account);
  }

  private ObjectNode configuration(Instant time, FunctionFacts function, String roleArn, String state) {
    return Json.object("functionName", function.name(), "functionArn", function.arn(),
        "runtime", function.runtime(), "role", roleArn, "handler", "app.handler", "codeSize", function.codeSize(),
        "description", "", "timeout", 30, "memorySize", 256,
        "lastModified", Times.lambdaModified(time, ids.between(100, 999)), "codeSha256", function.codeSha256(),
        "version", "$LATEST", "environment", Json.object(), "tracingConfig", Json.object("mode", "PassThrough"),
        "revisionId", ids.uuid(), "state", state, "packageType", "Zip", "architectures", Json.strings("x86_64"),
        "ephemeralStorage", Json.object("size", 512), "snapStart",
        Json.object("applyOn", "None", "optimizationStatus", "Off"),
        "loggingConfig", Json.object("logFormat", "Text", "logGroup", "/aws/lambda/" + function.name()));
  }
}
