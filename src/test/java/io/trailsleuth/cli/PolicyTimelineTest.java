package io.trailsleuth.cli;

import static io.trailsleuth.analysis.policy.PolicyStory.ACCOUNT;
import static io.trailsleuth.analysis.policy.PolicyStory.policy;
import static io.trailsleuth.analysis.policy.PolicyStory.request;
import static io.trailsleuth.analysis.policy.PolicyStory.roleArn;
import static org.assertj.core.api.Assertions.assertThat;

import io.trailsleuth.analysis.policy.PolicyStory;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyTimelineTest {
  private static final String NEW = "AROANEWNEWNEWNEWNEW02";

  @TempDir
  Path temp;

  @Test
  void showsPolicyWritesAndDenialsOfTheRecreatedRoleBesideItsLifecycle() throws Exception {
    String role = roleArn(ACCOUNT, "app-role");
    Path logs = new PolicyStory()
        .createRole("2026-03-01T09:00:00Z", ACCOUNT, "app-role", "AROAOLDOLDOLDOLDOLD01")
        .putBucketPolicy("2026-03-01T09:10:00Z", ACCOUNT, "shared-bucket", policy("Principal", "s3:PutObject", role))
        .createRole("2026-03-01T09:20:00Z", ACCOUNT, "deploy-target", "AROATARGETTARGETTAR03",
            policy("Principal", "sts:AssumeRole", role))
        .deleteRole("2026-03-02T10:00:00Z", ACCOUNT, "app-role")
        .createRole("2026-03-02T10:00:05Z", ACCOUNT, "app-role", NEW)
        .denied("2026-03-02T10:05:00Z", ACCOUNT, "app-role", NEW, "s3.amazonaws.com", "PutObject",
            request("bucketName", "shared-bucket"), "arn:aws:s3:::shared-bucket/k")
        .denied("2026-03-02T10:06:00Z", ACCOUNT, "app-role", NEW, "s3.amazonaws.com", "PutObject",
            request("bucketName", "shared-bucket"), "arn:aws:s3:::shared-bucket/k")
        .denied("2026-03-02T10:07:00Z", ACCOUNT, "app-role", NEW, "sts.amazonaws.com", "AssumeRole", null,
            roleArn(ACCOUNT, "deploy-target"))
        .write(temp.resolve("logs"), "story.jsonl");

    CliRun run = CliRun.of("timeline", logs.toString(), "--role", "app-role", "--format", "csv");

    assertThat(run.exitCode()).as(run.err()).isZero();
    List<String> kinds = run.out().lines().skip(1).map(line -> line.split(",")[4] + " " + line.split(",")[5]).toList();
    assertThat(kinds).containsExactly("role CreateRole", "policy PutBucketPolicy", "policy CreateRole",
        "role DeleteRole", "role CreateRole", "denied s3:PutObject", "denied sts:AssumeRole");
    assertThat(run.out()).contains("2 denied under " + NEW + " on arn:aws:s3:::shared-bucket")
        .contains("1 denied under " + NEW + " on arn:aws:iam::111122223333:role/deploy-target")
        .contains("naming arn:aws:iam::111122223333:role/app-role in Principal (bound to AROAOLDOLDOLDOLDOLD01)");
  }
}
