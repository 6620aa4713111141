package io.trailsleuth.analysis.policy;

import static io.trailsleuth.analysis.policy.DriftScenarios.NEW;
import static io.trailsleuth.analysis.policy.DriftScenarios.OLD;
import static io.trailsleuth.analysis.policy.PolicyStory.ACCOUNT;
import static io.trailsleuth.analysis.policy.PolicyStory.KEY;
import static io.trailsleuth.analysis.policy.PolicyStory.policy;
import static io.trailsleuth.analysis.policy.PolicyStory.request;
import static io.trailsleuth.analysis.policy.PolicyStory.roleArn;
import static org.assertj.core.api.Assertions.assertThat;

import io.trailsleuth.analysis.Findings;
import java.nio.file.Path;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/** Every policy kind the ledger reads, each written, then the role re-created, then the new role denied on it. */
class PolicyKindsTest {
  private static final String ROLE = roleArn(ACCOUNT, "app-role");
  private static final String QUEUE_URL = "https://sqs.eu-west-1.amazonaws.com/111122223333/orders";
  private static final String TOPIC = "arn:aws:sns:eu-west-1:111122223333:alerts";
  private static final String SECRET = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:db-password-AbC123";
  private static final String FUNCTION = "arn:aws:lambda:eu-west-1:111122223333:function:resize";

  @TempDir
  Path temp;

  private record Kind(String resourceType, String resourceArn, String action, String confidence,
      BiFunction<PolicyStory, String, PolicyStory> write, UnaryOperator<PolicyStory> denial) {
    @Override
    public String toString() {
      return resourceType;
    }
  }

  private static PolicyStory deny(PolicyStory story, String source, String name, com.fasterxml.jackson.databind.node.ObjectNode request,
      String resource) {
    return story.denied("2026-03-02T10:05:00Z", ACCOUNT, "app-role", NEW, source, name, request, resource);
  }

  static Stream<Arguments> kinds() {
    return Stream.of(
        new Kind("s3-bucket", "arn:aws:s3:::media", "s3:GetObject", "possible",
            (s, t) -> s.putBucketPolicy(t, ACCOUNT, "media", policy("Principal", "s3:GetObject", ROLE)),
            s -> deny(s, "s3.amazonaws.com", "GetObject", request("bucketName", "media").put("key", "a.png"),
                "arn:aws:s3:::media/a.png")),
        new Kind("kms-key", KEY, "kms:Decrypt", "confirmed",
            (s, t) -> s.putKeyPolicy(t, ACCOUNT, KEY, policy("Principal", "kms:Decrypt", ROLE)),
            s -> deny(s, "kms.amazonaws.com", "Decrypt", null, KEY)),
        new Kind("iam-role-trust", roleArn(ACCOUNT, "target"), "sts:AssumeRole", "confirmed",
            (s, t) -> s.updateTrust(t, ACCOUNT, "target", policy("Principal", "sts:AssumeRole", ROLE)),
            s -> deny(s, "sts.amazonaws.com", "AssumeRole", null, roleArn(ACCOUNT, "target"))),
        new Kind("sqs-queue", "arn:aws:sqs:eu-west-1:111122223333:orders", "sqs:SendMessage", "possible",
            (s, t) -> s.setQueuePolicy(t, ACCOUNT, QUEUE_URL, policy("Principal", "sqs:SendMessage", ROLE)),
            s -> deny(s, "sqs.amazonaws.com", "SendMessage", request("queueUrl", QUEUE_URL),
                "arn:aws:sqs:eu-west-1:111122223333:orders")),
        new Kind("sns-topic", TOPIC, "sns:Publish", "possible",
            (s, t) -> s.setTopicPolicy(t, ACCOUNT, TOPIC, policy("Principal", "sns:Publish", ROLE)),
            s -> deny(s, "sns.amazonaws.com", "Publish", request("topicArn", TOPIC), TOPIC)),
        new Kind("secret", SECRET, "secretsmanager:GetSecretValue", "possible",
            (s, t) -> s.putSecretPolicy(t, ACCOUNT, SECRET,
                policy("Principal", "secretsmanager:GetSecretValue", ROLE)),
            s -> deny(s, "secretsmanager.amazonaws.com", "GetSecretValue", request("secretId", "db-password"), SECRET)),
        new Kind("ecr-repository", "arn:aws:ecr:eu-west-1:111122223333:repository/base-images", "ecr:BatchGetImage",
            "possible",
            (s, t) -> s.setRepositoryPolicy(t, ACCOUNT, "base-images",
                policy("Principal", "ecr:BatchGetImage", ROLE)),
            s -> deny(s, "ecr.amazonaws.com", "BatchGetImage", request("repositoryName", "base-images"),
                "arn:aws:ecr:eu-west-1:111122223333:repository/base-images")),
        new Kind("lambda-permission", FUNCTION, "lambda:Invoke", "possible",
            (s, t) -> s.removePermission(t, ACCOUNT, "resize", "allow-app").addPermission(t, ACCOUNT, "resize", "allow-app", ROLE),
            s -> deny(s, "lambda.amazonaws.com", "Invoke", request("functionName", "resize"), FUNCTION)),
        new Kind("kms-grant", KEY, "kms:Decrypt", "probable",
            (s, t) -> s.createGrant(t, ACCOUNT, KEY, ROLE, "grant-" + t.substring(11, 13) + "0123456789abcdef"),
            s -> deny(s, "kms.amazonaws.com", "Decrypt", null, KEY)))
        .map(Arguments::of);
  }

  private static PolicyStory written(Kind kind) {
    PolicyStory story = new PolicyStory().createRole("2026-03-01T09:00:00Z", ACCOUNT, "app-role", OLD)
        .createRole("2026-03-01T09:05:00Z", ACCOUNT, "target", "AROATARGETTARGETTAR03");
    return DriftScenarios.recreatedAround(ACCOUNT, kind.write().apply(story, "2026-03-01T09:10:00Z"));
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void reportsEachPolicyKindAtRiskWhenTheRecreatedRoleHasNotCalledSince(Kind kind) throws Exception {
    Findings findings = DriftScenarios.analyze(temp, written(kind));

    assertThat(findings.policyDrift()).singleElement().satisfies(drift -> {
      assertThat(drift.resourceType()).isEqualTo(kind.resourceType());
      assertThat(drift.status()).isEqualTo(PolicyDriftStatus.AT_RISK);
      assertThat(drift.deniedCalls()).isZero();
    });
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void reportsEachPolicyKindFixedWhenReappliedAfterTheRecreation(Kind kind) throws Exception {
    PolicyStory story = kind.write().apply(kind.denial().apply(written(kind)), "2026-03-02T12:00:00Z");

    Findings findings = DriftScenarios.analyze(temp, story);

    assertThat(findings.policyDrift()).singleElement().satisfies(drift -> {
      assertThat(drift.resourceType()).isEqualTo(kind.resourceType());
      assertThat(drift.status()).isEqualTo(PolicyDriftStatus.FIXED);
      assertThat(drift.fixedAt()).hasToString("2026-03-02T12:00:00Z");
      assertThat(drift.deniedCalls()).isEqualTo(1);
    });
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void reportsEachPolicyKindBrokenWhenTheRecreatedRoleIsDenied(Kind kind) throws Exception {
    PolicyStory story = kind.denial().apply(written(kind));

    Findings findings = DriftScenarios.analyze(temp, story);

    assertThat(findings.policyDrift()).singleElement().satisfies(drift -> {
      assertThat(drift.resourceType()).isEqualTo(kind.resourceType());
      assertThat(drift.resourceArn()).isEqualTo(kind.resourceArn());
      assertThat(drift.roleArn()).isEqualTo(ROLE);
      assertThat(drift.oldRoleId()).isEqualTo(OLD);
      assertThat(drift.newRoleId()).isEqualTo(NEW);
      assertThat(drift.status()).isEqualTo(PolicyDriftStatus.BROKEN);
      assertThat(drift.deniedCalls()).isEqualTo(1);
      assertThat(drift.deniedActions()).containsExactly(kind.action());
      assertThat(drift.confidence().label()).isEqualTo(kind.confidence());
    });
  }
}
