package io.trailsleuth.generate;

import static io.trailsleuth.generate.NoiseActor.Audience.CONSOLE;
import static io.trailsleuth.generate.NoiseActor.Audience.PERSON;
import static io.trailsleuth.generate.NoiseActor.Audience.WORKLOAD;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The catalogue of everyday calls (EC2, STS, SSM, Logs, CloudWatch, KMS, Lambda, IAM, S3, sign-in). */
final class NoiseActions {
  private static final List<String> PARAMETERS =
      List.of("/billing/db-host", "/billing/feature-flags", "/orders/queue-url", "/shared/vpc-id");
  private static final List<String> LOG_GROUPS =
      List.of("/aws/lambda/orders-api", "/aws/lambda/billing-worker", "/ecs/ingest", "/aws/rds/cluster/orders/postgresql");
  private static final List<String> ROLES = List.of("orders-api-exec", "terraform-ci", "ingest-task-role");
  private static final List<String> BUCKETS = List.of("example-orders-exports", "example-terraform-state",
      "aws-cloudtrail-logs-example");

  /** Every action, each repeated by its weight, so a uniform pick is a weighted pick. */
  static final List<NoiseAction> WEIGHTED = weighted(List.of(
      action("ec2", "DescribeInstances", null, false, 12, call -> Json.object("instancesSet", Json.object(),
          "filterSet", Json.object())),
      action("ec2", "DescribeSecurityGroups", null, false, 5, call -> Json.object("securityGroupSet", Json.object(),
          "securityGroupIdSet", Json.object(), "filterSet", Json.object())),
      action("ec2", "DescribeVpcs", null, false, 3, call -> Json.object("vpcSet", Json.object(),
          "filterSet", Json.object())),
      action("ec2", "DescribeVolumes", WORKLOAD, false, 4, call -> Json.object("volumeSet", Json.object(),
          "filterSet", Json.object())),
      action("sts", "GetCallerIdentity", null, false, 10, call -> null),
      action("ssm", "GetParameter", WORKLOAD, false, 9, call -> Json.object("name", call.ids().pick(PARAMETERS),
          "withDecryption", call.ids().chance(0.3))),
      action("ssm", "DescribeInstanceInformation", null, false, 3, call -> Json.object("maxResults", 50)),
      action("logs", "DescribeLogGroups", null, false, 5, call -> Json.object("limit", 50)),
      action("logs", "FilterLogEvents", PERSON, false, 4, call -> Json.object("logGroupName",
          call.ids().pick(LOG_GROUPS), "startTime", call.time().minusSeconds(3_600).toEpochMilli(),
          "interleaved", true)),
      action("monitoring", "GetMetricData", null, false, 8, call -> Json.object(
          "startTime", Times.iso(call.time().minusSeconds(10_800)), "endTime", Times.iso(call.time()),
          "maxDatapoints", 1_440)),
      action("monitoring", "DescribeAlarms", CONSOLE, false, 4, call -> Json.object("maxRecords", 100)),
      action("kms", "ListAliases", null, false, 3, call -> Json.object("limit", 100)),
      action("kms", "DescribeKey", null, false, 3, call -> Json.object("keyId", "alias/aws/lambda")),
      action("lambda", "ListFunctions20150331", null, false, 5, call -> null),
      action("lambda", "GetFunction20150331v2", PERSON, false, 3, call -> Json.object("functionName", "orders-api")),
      action("iam", "ListRoles", null, true, 4, call -> Json.object("maxItems", 100)),
      action("iam", "GetRole", null, true, 4, call -> Json.object("roleName", call.ids().pick(ROLES))),
      action("iam", "ListAttachedRolePolicies", PERSON, true, 2, call -> Json.object("roleName",
          call.ids().pick(ROLES))),
      action("s3", "ListBuckets", null, true, 5, call -> Json.object("Host", "s3.amazonaws.com")),
      action("s3", "GetBucketPolicy", PERSON, true, 2, call -> Json.object("bucketName", call.ids().pick(BUCKETS),
          "Host", call.ids().pick(BUCKETS) + ".s3.amazonaws.com", "policy", "")),
      action("sts", "AssumeRole", PERSON, false, 4, call -> Json.object("roleArn",
          "arn:aws:iam::" + call.account() + ":role/deploy-readonly",
          "roleSessionName", call.caller().principal().name(), "durationSeconds", 3600)),
      action("signin", "ConsoleLogin", CONSOLE, true, 1, call -> null)));

  private NoiseActions() {}

  private static NoiseAction action(String service, String eventName, NoiseActor.Audience audience,
      boolean globalOnly, int weight, Function<NoiseCall, JsonNode> request) {
    boolean readOnly = !eventName.equals("ConsoleLogin");
    return new NoiseAction(service, eventName, readOnly, audience, globalOnly, weight, request);
  }

  private static List<NoiseAction> weighted(List<NoiseAction> actions) {
    List<NoiseAction> weighted = new ArrayList<>();
    for (NoiseAction action : actions) {
      for (int copy = 0; copy < action.weight(); copy++) {
        weighted.add(action);
      }
    }
    return List.copyOf(weighted);
  }
}
