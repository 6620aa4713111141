package io.trailsleuth.generate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;

/** A Lambda cold start as CloudTrail sees it: STS AssumeRole by Lambda, then kms:Decrypt of the environment. */
final class SessionRecords {
  private static final String LAMBDA = "lambda.amazonaws.com";
  private static final String LAMBDA_SDK_AGENT =
      "aws-internal/3 aws-sdk-java/1.12.772 Linux/5.10.228-198.884.amzn2int.x86_64 "
          + "OpenJDK_64-Bit_Server_VM/25.432-b06 java/1.8.0_432 vendor/Oracle_Corporation cfg/retry-mode/standard";

  private final RandomIds ids;
  private final String region;
  private final String keyMaterialId;

  SessionRecords(RandomIds ids, String region) {
    this.ids = ids;
    this.region = region;
    this.keyMaterialId = ids.hex(64);
  }

  /** Lambda assumes the execution role; the session name is the function name. */
  ObjectNode assumeRole(Principal session, Instant time) {
    String account = session.account();
    ObjectNode response = Json.object(
        "credentials", Json.object("accessKeyId", session.accessKeyId(), "sessionToken", "",
            "expiration", Times.stsExpiration(time.plus(Duration.ofHours(12)))),
        "assumedRoleUser", Json.object("assumedRoleId", session.uniqueId() + ":" + session.session(),
            "arn", session.arn()));
    return new RecordBuilder(Principal.service(account, LAMBDA).identity(null), time, "sts.amazonaws.com",
        "AssumeRole", region, LAMBDA, LAMBDA).version("1.08")
        .request(Json.object("roleArn", session.roleArn(), "roleSessionName", session.session()))
        .response(response).readOnly(true)
        .resources(Json.resource(account, "AWS::IAM::Role", session.roleArn()))
        .shared(ids.uuid()).build(ids, account);
  }

  /** A Decrypt that worked: the encryption context names the function. */
  ObjectNode decrypt(Principal session, Instant time, String functionArn, String keyArn) {
    ObjectNode request = Json.object("encryptionAlgorithm", "SYMMETRIC_DEFAULT",
        "encryptionContext", Json.object("aws:lambda:FunctionArn", functionArn));
    return new RecordBuilder(session.identity(LAMBDA), time, "kms.amazonaws.com", "Decrypt", region, LAMBDA, LAMBDA)
        .version("1.08").request(request).additional(Json.object("keyMaterialId", keyMaterialId)).readOnly(true)
        .resources(Json.resource(session.account(), "AWS::KMS::Key", keyArn)).build(ids, session.account());
  }

  /** A denied Decrypt: no request parameters, so the function shows only as the session name. */
  ObjectNode deniedDecrypt(Principal session, Instant time, String keyArn, boolean withReason, String sourceIp) {
    String message = "User: " + session.arn() + " is not authorized to perform: kms:Decrypt on resource: " + keyArn
        + (withReason ? " because no identity-based policy allows the kms:Decrypt action" : "");
    return new RecordBuilder(session.identity(null), time, "kms.amazonaws.com", "Decrypt", region, sourceIp,
        LAMBDA_SDK_AGENT).version("1.08").error("AccessDenied", message).readOnly(true)
        .build(ids, session.account());
  }

  /** A person's denied Decrypt on a customer managed key (not a Lambda breakage). */
  ObjectNode deniedPersonDecrypt(Caller caller, Instant time, String keyArn) {
    String message = "User: " + caller.principal().arn() + " is not authorized to perform: kms:Decrypt on resource: "
        + keyArn + " because no identity-based policy allows the kms:Decrypt action";
    return caller.call(time, "kms", "Decrypt", region).error("AccessDenied", message).readOnly(true)
        .build(ids, caller.principal().account());
  }
}
