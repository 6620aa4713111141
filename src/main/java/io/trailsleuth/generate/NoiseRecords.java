package io.trailsleuth.generate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Builds one background record: a suitable actor and call, with occasional denials and throttling. */
final class NoiseRecords {
  private static final Set<String> EXCEPTION_SERVICES = Set.of("ssm", "logs", "kms", "lambda", "monitoring");
  private static final Set<String> THROTTLED_SERVICES = Set.of("ec2", "ssm", "logs", "kms", "monitoring");
  private static final String BROWSER = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 "
      + "(KHTML, like Gecko) Version/17.4 Safari/605.1.15";

  private final NoiseActors actors;

  NoiseRecords(NoiseActors actors) {
    this.actors = actors;
  }

  ObjectNode build(TrailStream stream, Instant time, RandomIds ids) {
    List<NoiseActor> cast = actors.of(stream.account());
    NoiseActor actor = ids.pick(cast);
    NoiseAction action = ids.pick(NoiseActions.WEIGHTED);
    while (!action.suits(actor, stream.region())) {
      actor = ids.pick(cast);
      action = ids.pick(NoiseActions.WEIGHTED);
    }
    Caller caller = actor.caller(time, ids);
    NoiseCall call = new NoiseCall(ids, caller, stream.region(), time);
    if (action.eventName().equals("ConsoleLogin")) {
      return consoleLogin(call);
    }
    RecordBuilder builder = start(caller, action, call)
        .version(ids.chance(0.85) ? "1.09" : "1.08")
        .request(action.request().apply(call))
        .readOnly(action.readOnly());
    if (action.eventName().equals("AssumeRole")) {
      assumeRoleResponse(builder, call);
    } else if (ids.chance(0.03)) {
      deny(builder, action, caller);
    } else if (THROTTLED_SERVICES.contains(action.service()) && ids.chance(0.015)) {
      throttle(builder, action);
    }
    return builder.build(ids, stream.account());
  }

  private static RecordBuilder start(Caller caller, NoiseAction action, NoiseCall call) {
    if (caller.sourceIpAddress().endsWith(".amazonaws.com")) {
      Principal principal = caller.principal();
      return new RecordBuilder(principal.identity(caller.sourceIpAddress()), call.time(),
          action.service() + ".amazonaws.com", action.eventName(), call.region(), caller.sourceIpAddress(),
          caller.userAgent());
    }
    RecordBuilder builder = caller.call(call.time(), action.service(), action.eventName(), call.region());
    return call.ids().chance(0.1) ? builder.tls(null) : builder;
  }

  private static void assumeRoleResponse(RecordBuilder builder, NoiseCall call) {
    RandomIds ids = call.ids();
    String roleArn = "arn:aws:iam::" + call.account() + ":role/deploy-readonly";
    String session = call.caller().principal().name();
    builder.response(Json.object(
        "credentials", Json.object("accessKeyId", ids.temporaryAccessKey(), "sessionToken", "",
            "expiration", Times.stsExpiration(call.time().plus(Duration.ofHours(1)))),
        "assumedRoleUser", Json.object("assumedRoleId", "AROA" + ids.upperAlphanumeric(17) + ":" + session,
            "arn", "arn:aws:sts::" + call.account() + ":assumed-role/deploy-readonly/" + session)))
        .resources(Json.resource(call.account(), "AWS::IAM::Role", roleArn))
        .shared(ids.uuid());
  }

  private static void deny(RecordBuilder builder, NoiseAction action, Caller caller) {
    String reason = "User: " + caller.principal().arn() + " is not authorized to perform: " + action.permission()
        + " because no identity-based policy allows the " + action.permission() + " action";
    if (action.service().equals("ec2")) {
      builder.error("Client.UnauthorizedOperation", "You are not authorized to perform this operation. " + reason);
    } else {
      builder.error(EXCEPTION_SERVICES.contains(action.service()) ? "AccessDeniedException" : "AccessDenied", reason);
    }
  }

  private static void throttle(RecordBuilder builder, NoiseAction action) {
    if (action.service().equals("ec2")) {
      builder.error("Client.RequestLimitExceeded", "Request limit exceeded.");
    } else {
      builder.error("ThrottlingException", "Rate exceeded");
    }
  }

  private static ObjectNode consoleLogin(NoiseCall call) {
    Principal principal = call.caller().principal();
    String loginTo = "https://console.aws.amazon.com/console/home?region=eu-west-1&state=hashArgs%23&isauthcode=true";
    return new RecordBuilder(principal.identity(null), call.time(), "signin.amazonaws.com", "ConsoleLogin",
        call.region(), call.caller().sourceIpAddress(), BROWSER)
        .response(Json.object("ConsoleLogin", "Success"))
        .additional(Json.object("LoginTo", loginTo, "MobileVersion", "No", "MFAUsed", "No"))
        .eventType("AwsConsoleSignIn").tls("eu-west-1.signin.aws.amazon.com")
        .build(call.ids(), call.account());
  }
}
