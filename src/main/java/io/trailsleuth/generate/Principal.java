package io.trailsleuth.generate;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * Who made a call: an IAM user, a role session or an AWS service, and the userIdentity block it produces.
 *
 * @param type the CloudTrail userIdentity type
 * @param account the account the principal belongs to
 * @param name the user name, the role name, or the service principal for AWSService
 * @param uniqueId the AIDA/AROA unique id (empty for AWSService)
 * @param session the role session name (empty for users and services)
 * @param accessKeyId the access key the call was signed with (empty for AWSService)
 * @param sessionCreated when the role session began (null for users and services)
 */
record Principal(
    Type type, String account, String name, String uniqueId, String session, String accessKeyId, Instant sessionCreated) {
  /** The userIdentity types the generator writes. */
  enum Type { IAM_USER, ASSUMED_ROLE, AWS_SERVICE }

  Principal {
    requireNonNull(type, "type is null");
    requireNonNull(account, "account is null");
    requireNonNull(name, "name is null");
    requireNonNull(uniqueId, "uniqueId is null");
    requireNonNull(session, "session is null");
    requireNonNull(accessKeyId, "accessKeyId is null");
  }

  static Principal user(String account, String userName, String userId, String accessKeyId) {
    return new Principal(Type.IAM_USER, account, userName, userId, "", accessKeyId, null);
  }

  static Principal roleSession(
      String account, String roleName, String roleId, String session, String accessKeyId, Instant sessionCreated) {
    requireNonNull(sessionCreated, "sessionCreated is null");
    return new Principal(Type.ASSUMED_ROLE, account, roleName, roleId, session, accessKeyId, sessionCreated);
  }

  static Principal service(String account, String servicePrincipal) {
    return new Principal(Type.AWS_SERVICE, account, servicePrincipal, "", "", "", null);
  }

  /** The same role with a different session (name, key and start time). */
  Principal withSession(String newSession, String newAccessKeyId, Instant newSessionCreated) {
    return roleSession(account, name, uniqueId, newSession, newAccessKeyId, newSessionCreated);
  }

  String roleArn() {
    return "arn:aws:iam::" + account + ":role/" + name;
  }

  String arn() {
    return switch (type) {
      case IAM_USER -> "arn:aws:iam::" + account + ":user/" + name;
      case ASSUMED_ROLE -> "arn:aws:sts::" + account + ":assumed-role/" + name + "/" + session;
      case AWS_SERVICE -> name;
    };
  }

  /** The userIdentity block; invokedBy is added when a service acted on this principal's behalf. */
  ObjectNode identity(String invokedBy) {
    ObjectNode identity = switch (type) {
      case IAM_USER -> Json.object("type", "IAMUser", "principalId", uniqueId, "arn", arn(), "accountId", account,
          "accessKeyId", accessKeyId, "userName", name);
      case ASSUMED_ROLE -> Json.object("type", "AssumedRole", "principalId", uniqueId + ":" + session, "arn", arn(),
          "accountId", account, "accessKeyId", accessKeyId, "sessionContext", Json.object(
              "sessionIssuer", Json.object("type", "Role", "principalId", uniqueId, "arn", roleArn(),
                  "accountId", account, "userName", name),
              "webIdFederationData", Json.object(),
              "attributes", Json.object("creationDate", Times.iso(sessionCreated), "mfaAuthenticated",
                  session.contains("@") ? "true" : "false")));
      case AWS_SERVICE -> Json.object("type", "AWSService");
    };
    if (invokedBy != null) {
      identity.put("invokedBy", invokedBy);
    } else if (type == Type.AWS_SERVICE) {
      identity.put("invokedBy", name);
    }
    return identity;
  }
}
