package io.trailsleuth.generate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The "recreated-role" story in account 111122223333: Terraform deletes and re-creates a Lambda execution role,
 * the function's KMS grant still names the old role id, its Decrypts are denied until a person swaps the role.
 */
final class RecreatedRoleStory {
  static final String ROLE = "billing-worker-exec";
  static final String TEMPORARY_ROLE = "billing-worker-tmp";
  static final String WORKER = "billing-worker";
  static final String REPORTER = "billing-reporter";
  private static final String ACCOUNT = TrailStream.MAIN_ACCOUNT;
  private static final String REGION = "eu-west-1";
  private static final String BASIC_POLICY = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole";
  private static final String TERRAFORM_AGENT = "APN/1.0 HashiCorp/1.0 Terraform/1.7.5 (+https://www.terraform.io) "
      + "terraform-provider-aws/5.40.0 (+https://registry.terraform.io/providers/hashicorp/aws) aws-sdk-go-v2/1.25.2 "
      + "os/linux lang/go#1.22.1 md/GOOS#linux md/GOARCH#amd64 api/";
  private static final int DENIED_COLD_STARTS = 30;

  private final RandomIds ids;
  private final Instant start;
  private final Instant end;
  private final IamRecords iam;
  private final LambdaRecords lambda;
  private final SessionRecords sessions;
  private final String lambdaKeyArn;
  private final List<PlacedRecord> records = new ArrayList<>();

  private final UniqueIds unique;

  private RecreatedRoleStory(SplittableRandom random, UniqueIds unique, Instant start, Instant end) {
    this.ids = new RandomIds(random);
    this.unique = unique;
    this.start = start;
    this.end = end;
    this.iam = new IamRecords(ids);
    this.lambda = new LambdaRecords(ids, REGION);
    this.sessions = new SessionRecords(ids, REGION);
    this.lambdaKeyArn = keyArn();
  }

  /** The story's records in time order; those at or after {@code end} are left out. */
  static List<PlacedRecord> build(SplittableRandom random, UniqueIds unique, Instant start, Instant end) {
    RecreatedRoleStory story = new RecreatedRoleStory(random, unique, start, end);
    story.tell();
    story.records.sort(Comparator.comparing(PlacedRecord::time));
    return List.copyOf(story.records);
  }

  private void tell() {
    String oldRoleId = ids.roleId();
    String newRoleId = ids.roleId();
    String temporaryRoleId = ids.roleId();
    String terraformRoleId = unique.roleId(ACCOUNT, "terraform-ci");
    String ssoRole = "AWSReservedSSO_AdministratorAccess_0123456789abcdef";
    Principal alice = Principal.roleSession(ACCOUNT, ssoRole, unique.roleId(ACCOUNT, ssoRole), "alice@example.com",
        ids.temporaryAccessKey(), at(0, 8, 47, 12));
    Caller console = new Caller(alice, "198.51.100.23", "AWS Internal", true);
    Principal firstRun = Principal.roleSession(ACCOUNT, "terraform-ci", terraformRoleId, "gha-run-4398",
        ids.temporaryAccessKey(), at(0, 8, 58, 40));
    Principal secondRun = firstRun.withSession("gha-run-4411", ids.temporaryAccessKey(), at(1, 10, 13, 21));
    FunctionFacts worker = function(WORKER);
    FunctionFacts reporter = function(REPORTER);
    String roleArn = "arn:aws:iam::" + ACCOUNT + ":role/" + ROLE;
    String temporaryRoleArn = "arn:aws:iam::" + ACCOUNT + ":role/" + TEMPORARY_ROLE;

    // Day 1: Terraform creates the role and both functions; Lambda grants each one the aws/lambda key.
    global(at(0, 9, 0, 0), iam.createRole(terraform(firstRun, "iam#1.31.1"), at(0, 9, 0, 0), ROLE, oldRoleId,
        "Execution role for the billing functions"));
    global(at(0, 9, 0, 1), iam.attachRolePolicy(terraform(firstRun, "iam#1.31.1"), at(0, 9, 0, 1), ROLE, BASIC_POLICY));
    deploy(terraform(firstRun, "lambda#1.53.1"), at(0, 9, 0, 14), worker, roleArn);
    deploy(terraform(firstRun, "lambda#1.53.1"), at(0, 9, 0, 15), reporter, roleArn);
    global(at(0, 11, 42, 9), iam.createRole(console, at(0, 11, 42, 9), TEMPORARY_ROLE, temporaryRoleId,
        "Spare execution role for billing-worker"));
    global(at(0, 11, 42, 30), iam.attachRolePolicy(console, at(0, 11, 42, 30), TEMPORARY_ROLE, BASIC_POLICY));
    for (int[] time : new int[][] {{0, 9, 6}, {0, 10, 41}, {0, 12, 17}, {0, 14, 3}, {0, 15, 48}, {0, 17, 32},
        {0, 20, 11}, {0, 23, 40}, {1, 2, 55}, {1, 6, 30}, {1, 8, 12}, {1, 9, 27}, {1, 10, 2}}) {
      coldStart(worker, ROLE, oldRoleId, jitter(time), true);
    }
    for (int[] time : new int[][] {{0, 9, 31}, {0, 13, 5}, {0, 18, 0}, {0, 22, 15}, {1, 6, 5}, {1, 9, 45}}) {
      coldStart(reporter, ROLE, oldRoleId, jitter(time), true);
    }

    // Day 2, 10:14: a Terraform run replaces the role; same name, new unique id.
    Caller secondIam = terraform(secondRun, "iam#1.31.1");
    global(at(1, 10, 14, 5), iam.detachRolePolicy(secondIam, at(1, 10, 14, 5), ROLE, BASIC_POLICY));
    global(at(1, 10, 14, 6), iam.deleteRole(secondIam, at(1, 10, 14, 6), ROLE));
    global(at(1, 10, 14, 10), iam.createRole(secondIam, at(1, 10, 14, 10), ROLE, newRoleId,
        "Execution role for the billing functions"));
    global(at(1, 10, 14, 11), iam.attachRolePolicy(secondIam, at(1, 10, 14, 11), ROLE, BASIC_POLICY));
    for (int index = 0; index < DENIED_COLD_STARTS; index++) {
      Instant time = at(1, 10, 20, 0).plusSeconds(index * 320L + ids.between(0, 60));
      coldStart(worker, ROLE, newRoleId, time, false);
    }

    // 13:07: a person swaps the role to a spare one and back, which makes Lambda create fresh grants.
    regional(at(1, 13, 7, 12), lambda.updateRole(console, at(1, 13, 7, 12), worker, temporaryRoleArn));
    regional(at(1, 13, 7, 13), lambda.createGrant(alice, at(1, 13, 7, 13), worker, TEMPORARY_ROLE, lambdaKeyArn));
    coldStart(worker, TEMPORARY_ROLE, temporaryRoleId, at(1, 13, 8, 12), true);
    regional(at(1, 13, 9, 40), lambda.updateRole(console, at(1, 13, 9, 40), worker, roleArn));
    regional(at(1, 13, 9, 41), lambda.createGrant(alice, at(1, 13, 9, 41), worker, ROLE, lambdaKeyArn));
    for (int[] time : new int[][] {{1, 13, 15}, {1, 13, 52}, {1, 14, 40}, {1, 16, 5}, {1, 17, 30}, {1, 19, 10},
        {1, 21, 45}, {2, 1, 20}, {2, 7, 5}, {2, 9, 15}, {2, 11, 40}, {2, 14, 20}, {2, 17, 55}}) {
      coldStart(worker, ROLE, newRoleId, jitter(time), true);
    }
    global(at(1, 13, 41, 2), iam.detachRolePolicy(console, at(1, 13, 41, 2), TEMPORARY_ROLE, BASIC_POLICY));
    global(at(1, 13, 41, 9), iam.deleteRole(console, at(1, 13, 41, 9), TEMPORARY_ROLE));

    // An unrelated denial: a developer without kms:Decrypt on a customer managed key.
    Principal developer = Principal.user(ACCOUNT, "dev-bob", unique.userId(ACCOUNT, "dev-bob"),
        unique.userAccessKey(ACCOUNT, "dev-bob"));
    Caller bob = new Caller(developer,
        "192.0.2.77", "aws-cli/2.15.30 Python/3.11.8 Linux/6.5.0-1016-aws exe/x86_64.ubuntu.22 prompt/off "
            + "command/kms.decrypt", false);
    String customerKey = keyArn();
    regional(at(1, 15, 22, 41), sessions.deniedPersonDecrypt(bob, at(1, 15, 22, 41), customerKey));
    regional(at(1, 15, 23, 2), sessions.deniedPersonDecrypt(bob, at(1, 15, 23, 2), customerKey));
  }

  private void deploy(Caller caller, Instant time, FunctionFacts function, String roleArn) {
    regional(time, lambda.createFunction(caller, time, function, roleArn));
    Instant grantTime = time.plusSeconds(ids.between(1, 3));
    regional(grantTime, lambda.createGrant(caller.principal(), grantTime, function, ROLE, lambdaKeyArn));
  }

  private void coldStart(FunctionFacts function, String roleName, String roleId, Instant time, boolean allowed) {
    Principal session = Principal.roleSession(ACCOUNT, roleName, roleId, function.name(), ids.temporaryAccessKey(),
        time);
    regional(time, sessions.assumeRole(session, time));
    Instant decryptTime = time.plusSeconds(ids.between(0, 1));
    regional(decryptTime, allowed
        ? sessions.decrypt(session, decryptTime, function.arn(), lambdaKeyArn)
        : sessions.deniedDecrypt(session, decryptTime, lambdaKeyArn, ids.chance(0.7),
            "198.51.100." + ids.between(2, 250)));
  }

  private Caller terraform(Principal session, String api) {
    return new Caller(session, "203.0.113.40", TERRAFORM_AGENT + api, false);
  }

  private FunctionFacts function(String name) {
    return new FunctionFacts(name, "arn:aws:lambda:" + REGION + ":" + ACCOUNT + ":function:" + name, "python3.12",
        ids.base64Sha256(), ids.between(4_000, 90_000));
  }

  private String keyArn() {
    return "arn:aws:kms:" + REGION + ":" + ACCOUNT + ":key/" + ids.uuid();
  }

  private Instant at(int day, int hour, int minute, int second) {
    return start.plus(Duration.ofDays(day)).plusSeconds(hour * 3600L + minute * 60L + second);
  }

  private Instant jitter(int[] dayHourMinute) {
    return at(dayHourMinute[0], dayHourMinute[1], dayHourMinute[2], ids.between(0, 50));
  }

  private void global(Instant time, ObjectNode record) {
    add(TrailStream.of(ACCOUNT, IamRecords.REGION), time, record);
  }

  private void regional(Instant time, ObjectNode record) {
    add(TrailStream.of(ACCOUNT, REGION), time, record);
  }

  private void add(TrailStream stream, Instant time, ObjectNode record) {
    if (time.isBefore(end)) {
      records.add(new PlacedRecord(stream, time, record));
    }
  }
}
