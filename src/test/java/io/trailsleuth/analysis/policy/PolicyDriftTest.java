package io.trailsleuth.analysis.policy;

import static io.trailsleuth.analysis.policy.DriftScenarios.NEW;
import static io.trailsleuth.analysis.policy.DriftScenarios.OLD;
import static io.trailsleuth.analysis.policy.PolicyStory.ACCOUNT;
import static io.trailsleuth.analysis.policy.PolicyStory.KEY;
import static io.trailsleuth.analysis.policy.PolicyStory.OTHER_ACCOUNT;
import static io.trailsleuth.analysis.policy.PolicyStory.policy;
import static io.trailsleuth.analysis.policy.PolicyStory.request;
import static io.trailsleuth.analysis.policy.PolicyStory.roleArn;
import static org.assertj.core.api.Assertions.assertThat;

import io.trailsleuth.analysis.Findings;
import io.trailsleuth.common.SqlFile;
import io.trailsleuth.common.SqlFiles;
import io.trailsleuth.query.AnalysisViews;
import io.trailsleuth.store.CaseStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyDriftTest {
  private static final String ROLE = roleArn(ACCOUNT, "app-role");

  @TempDir
  Path temp;

  private static PolicyStory bucketStory(String roleAccount) {
    PolicyStory story = new PolicyStory()
        .createRole("2026-03-01T09:00:00Z", roleAccount, "app-role", OLD)
        .putBucketPolicy("2026-03-01T09:10:00Z", ACCOUNT, "shared-bucket",
            policy("Principal", "s3:PutObject", roleArn(roleAccount, "app-role")));
    return DriftScenarios.recreatedAround(roleAccount, story)
        .denied("2026-03-02T10:05:00Z", roleAccount, "app-role", NEW, "s3.amazonaws.com", "PutObject",
            request("bucketName", "shared-bucket").put("key", "out/1.csv"), "arn:aws:s3:::shared-bucket/out/1.csv")
        .denied("2026-03-02T11:05:00Z", roleAccount, "app-role", NEW, "s3.amazonaws.com", "PutObject",
            request("bucketName", "shared-bucket").put("key", "out/2.csv"), "arn:aws:s3:::shared-bucket/out/2.csv");
  }

  @Test
  void everyViewReadsTheSameRowsWhenTheLineageAndLedgerAreMaterialisedBeforeTheLaterViewsAreCreated() throws Exception {
    Path store = DriftScenarios.ingest(temp, bucketStory(ACCOUNT));
    try (Connection installed = CaseStore.connect(CaseStore.openExisting(store), "512MB");
        Connection materialised = CaseStore.connect(CaseStore.openExisting(store), "512MB")) {
      AnalysisViews.install(installed);
      AnalysisViews.installMaterialized(materialised);

      List<String> views = SqlFiles.bundled().values().stream().filter(SqlFile::view).map(SqlFile::id).sorted().toList();
      assertThat(views).contains("role_lineage", "policy_ledger", "policy_access", "policy_drift");
      for (String view : views) {
        String sql = "SELECT * FROM " + view + " ORDER BY ALL";
        assertThat(rows(materialised, sql)).as(view).isEqualTo(rows(installed, sql));
      }
      assertThat(rows(installed, "SELECT * FROM policy_drift")).isNotEmpty();
      assertThat(rows(materialised, "SELECT count(*) FROM duckdb_tables() WHERE temporary")).containsExactly("2");
    }
  }

  private static List<String> rows(Connection connection, String sql) throws Exception {
    List<String> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
      int columns = result.getMetaData().getColumnCount();
      while (result.next()) {
        List<String> cells = new ArrayList<>();
        for (int column = 1; column <= columns; column++) {
          cells.add(String.valueOf(result.getObject(column)));
        }
        rows.add(String.join(" | ", cells));
      }
    }
    return rows;
  }

  @Test
  void reportsSameAccountBucketPolicyAsBrokenButOnlyPossible() throws Exception {
    Findings findings = DriftScenarios.analyze(temp, bucketStory(ACCOUNT));

    assertThat(findings.policyDrift()).hasSize(1);
    PolicyDrift drift = findings.policyDrift().get(0);
    assertThat(drift.resourceType()).isEqualTo("s3-bucket");
    assertThat(drift.resourceArn()).isEqualTo("arn:aws:s3:::shared-bucket");
    assertThat(drift.roleArn()).isEqualTo(ROLE);
    assertThat(drift.oldRoleId()).isEqualTo(OLD);
    assertThat(drift.newRoleId()).isEqualTo(NEW);
    assertThat(drift.status()).isEqualTo(PolicyDriftStatus.BROKEN);
    assertThat(drift.deniedCalls()).isEqualTo(2);
    assertThat(drift.deniedActions()).containsExactly("s3:PutObject");
    assertThat(drift.firstDeniedAt()).hasToString("2026-03-02T10:05:00Z");
    assertThat(drift.lastDeniedAt()).hasToString("2026-03-02T11:05:00Z");
    assertThat(drift.confidence()).isEqualTo(DriftConfidence.POSSIBLE);
    assertThat(drift.evidence()).extracting(e -> e.eventName())
        .containsExactly("PutBucketPolicy", "DeleteRole", "CreateRole", "PutObject", "PutObject");
  }

  @Test
  void reportsCrossAccountBucketPolicyAsConfirmed() throws Exception {
    Findings findings = DriftScenarios.analyze(temp, bucketStory(OTHER_ACCOUNT));

    assertThat(findings.policyDrift()).singleElement().satisfies(drift -> {
      assertThat(drift.accountId()).isEqualTo(ACCOUNT);
      assertThat(drift.roleArn()).isEqualTo(roleArn(OTHER_ACCOUNT, "app-role"));
      assertThat(drift.status()).isEqualTo(PolicyDriftStatus.BROKEN);
      assertThat(drift.deniedCalls()).isEqualTo(2);
      assertThat(drift.confidence()).isEqualTo(DriftConfidence.CONFIRMED);
    });
  }

  @Test
  void reportsTrustPolicyBrokenFromAssumeRoleDenialsWithoutRequestParameters() throws Exception {
    PolicyStory story = new PolicyStory()
        .createRole("2026-03-01T09:00:00Z", ACCOUNT, "app-role", OLD)
        .createRole("2026-03-01T09:10:00Z", ACCOUNT, "deploy-target", "AROATARGETTARGETTAR03",
            policy("Principal", "sts:AssumeRole", ROLE));
    DriftScenarios.recreatedAround(ACCOUNT, story)
        .denied("2026-03-02T10:05:00Z", ACCOUNT, "app-role", NEW, "sts.amazonaws.com", "AssumeRole", null,
            roleArn(ACCOUNT, "deploy-target"));

    Findings findings = DriftScenarios.analyze(temp, story);

    assertThat(findings.policyDrift()).singleElement().satisfies(drift -> {
      assertThat(drift.resourceType()).isEqualTo("iam-role-trust");
      assertThat(drift.resourceArn()).isEqualTo(roleArn(ACCOUNT, "deploy-target"));
      assertThat(drift.status()).isEqualTo(PolicyDriftStatus.BROKEN);
      assertThat(drift.deniedCalls()).isEqualTo(1);
      assertThat(drift.deniedActions()).containsExactly("sts:AssumeRole");
      assertThat(drift.confidence()).isEqualTo(DriftConfidence.CONFIRMED);
    });
  }

  @Test
  void reportsKeyPolicyAtRiskWhenTheNewRoleHasNotUsedTheKey() throws Exception {
    PolicyStory story = new PolicyStory()
        .createRole("2026-03-01T09:00:00Z", ACCOUNT, "app-role", OLD)
        .createKey("2026-03-01T09:10:00Z", ACCOUNT, KEY, policy("Principal", "kms:Decrypt", ROLE));

    Findings findings = DriftScenarios.analyze(temp, DriftScenarios.recreatedAround(ACCOUNT, story));

    assertThat(findings.policyDrift()).singleElement().satisfies(drift -> {
      assertThat(drift.resourceType()).isEqualTo("kms-key");
      assertThat(drift.resourceArn()).isEqualTo(KEY);
      assertThat(drift.status()).isEqualTo(PolicyDriftStatus.AT_RISK);
      assertThat(drift.deniedCalls()).isZero();
      assertThat(drift.confidence()).isEqualTo(DriftConfidence.CONFIRMED);
    });
  }

  @Test
  void reportsReappliedPolicyAsFixedWithTheEventThatFixedIt() throws Exception {
    PolicyStory story = bucketStory(ACCOUNT)
        .putBucketPolicy("2026-03-02T12:00:00Z", ACCOUNT, "shared-bucket", policy("Principal", "s3:PutObject", ROLE))
        .used("2026-03-02T12:30:00Z", ACCOUNT, "app-role", NEW, "s3.amazonaws.com", "PutObject",
            request("bucketName", "shared-bucket"));

    Findings findings = DriftScenarios.analyze(temp, story);

    assertThat(findings.policyDrift()).singleElement().satisfies(drift -> {
      assertThat(drift.status()).isEqualTo(PolicyDriftStatus.FIXED);
      assertThat(drift.fixedAt()).hasToString("2026-03-02T12:00:00Z");
      assertThat(drift.fixedByEventId()).isNotNull();
      assertThat(drift.fixedByEventName()).isEqualTo("PutBucketPolicy");
      assertThat(drift.deniedCalls()).isEqualTo(2);
    });
  }

  @Test
  void doesNotFlagAPolicyTheNewGenerationHasUsedSince() throws Exception {
    PolicyStory bucket = DriftScenarios.recreatedAround(ACCOUNT, new PolicyStory()
            .createRole("2026-03-01T09:00:00Z", ACCOUNT, "app-role", OLD)
            .putBucketPolicy("2026-03-01T09:10:00Z", ACCOUNT, "shared-bucket", policy("Principal", "s3:PutObject", ROLE)))
        .used("2026-03-02T12:30:00Z", ACCOUNT, "app-role", NEW, "s3.amazonaws.com", "PutObject",
            request("bucketName", "shared-bucket"));
    PolicyStory key = DriftScenarios.recreatedAround(ACCOUNT, new PolicyStory()
            .createRole("2026-03-01T09:00:00Z", ACCOUNT, "app-role", OLD)
            .createKey("2026-03-01T09:10:00Z", ACCOUNT, KEY, policy("Principal", "kms:Decrypt", ROLE)))
        .used("2026-03-02T12:30:00Z", ACCOUNT, "app-role", NEW, "kms.amazonaws.com", "Decrypt",
            request("keyId", KEY));

    // the successful use reaches the drift through policy_access_of(true): S3 from resource_uses, KMS from focus events
    assertThat(DriftScenarios.analyze(temp.resolve("bucket"), bucket).policyDrift()).isEmpty();
    assertThat(DriftScenarios.analyze(temp.resolve("key"), key).policyDrift()).isEmpty();
  }

  @Test
  void ignoresAPolicyDeletedBeforeTheRoleWasRecreated() throws Exception {
    PolicyStory story = new PolicyStory()
        .createRole("2026-03-01T09:00:00Z", ACCOUNT, "app-role", OLD)
        .putBucketPolicy("2026-03-01T09:10:00Z", ACCOUNT, "shared-bucket", policy("Principal", "s3:PutObject", ROLE))
        .deleteBucketPolicy("2026-03-01T18:00:00Z", ACCOUNT, "shared-bucket");

    Findings findings = DriftScenarios.analyze(temp, DriftScenarios.recreatedAround(ACCOUNT, story)
        .denied("2026-03-02T10:05:00Z", ACCOUNT, "app-role", NEW, "s3.amazonaws.com", "PutObject",
            request("bucketName", "shared-bucket"), "arn:aws:s3:::shared-bucket/x"));

    assertThat(findings.policyDrift()).isEmpty();
  }

  @Test
  void flagsNotPrincipalAndEveryRoleOfAPrincipalList() throws Exception {
    PolicyStory story = new PolicyStory()
        .createRole("2026-03-01T08:00:00Z", ACCOUNT, "app-role", OLD)
        .createRole("2026-03-01T08:01:00Z", ACCOUNT, "batch-role", "AROABATCHBATCHBATCH04")
        .putBucketPolicy("2026-03-01T09:10:00Z", ACCOUNT, "list-bucket",
            policy("Principal", "s3:GetObject", ROLE, roleArn(ACCOUNT, "batch-role"), "arn:aws:iam::111122223333:root"))
        .putBucketPolicy("2026-03-01T09:20:00Z", ACCOUNT, "guarded-bucket", policy("NotPrincipal", "s3:*", ROLE))
        .deleteRole("2026-03-02T09:00:00Z", ACCOUNT, "batch-role")
        .createRole("2026-03-02T09:00:05Z", ACCOUNT, "batch-role", "AROABATCHNEWBATCHN05");

    Findings findings = DriftScenarios.analyze(temp, DriftScenarios.recreatedAround(ACCOUNT, story));

    assertThat(findings.policyDrift()).extracting(d -> d.resourceArn() + " " + d.roleName() + " " + d.principalKeys())
        .containsExactly("arn:aws:s3:::guarded-bucket app-role NotPrincipal",
            "arn:aws:s3:::list-bucket app-role Principal", "arn:aws:s3:::list-bucket batch-role Principal");
    assertThat(findings.policyDrift()).allMatch(d -> d.status() == PolicyDriftStatus.AT_RISK);
  }

  @Test
  void neverFlagsARoleNamedOnlyInAPrincipalArnCondition() throws Exception {
    PolicyStory story = new PolicyStory()
        .createRole("2026-03-01T09:00:00Z", ACCOUNT, "app-role", OLD)
        .putBucketPolicy("2026-03-01T09:10:00Z", ACCOUNT, "shared-bucket",
            PolicyStory.conditionPolicy("s3:PutObject", ROLE));

    Findings findings = DriftScenarios.analyze(temp, DriftScenarios.recreatedAround(ACCOUNT, story)
        .denied("2026-03-02T10:05:00Z", ACCOUNT, "app-role", NEW, "s3.amazonaws.com", "PutObject",
            request("bucketName", "shared-bucket"), "arn:aws:s3:::shared-bucket/x"));

    assertThat(findings.policyDrift()).isEmpty();
  }

  @Test
  void statesARecreationThatOnlySightingsShowAsBoundsWithoutACreateRoleRow() throws Exception {
    PolicyStory story = new PolicyStory()
        .createRole("2026-03-01T09:00:00Z", ACCOUNT, "app-role", OLD)
        .putBucketPolicy("2026-03-01T09:10:00Z", ACCOUNT, "shared-bucket",
            policy("Principal", "s3:PutObject", roleArn(ACCOUNT, "app-role")))
        .denied("2026-03-02T10:05:00Z", ACCOUNT, "app-role", NEW, "s3.amazonaws.com", "PutObject",
            request("bucketName", "shared-bucket").put("key", "out/1.csv"), "arn:aws:s3:::shared-bucket/out/1.csv");
    Path logs = story.write(temp.resolve("logs"), "story.jsonl");
    Path report = temp.resolve("report.md");
    Path json = temp.resolve("findings.json");

    int code = io.trailsleuth.cli.Main.run(new java.io.PrintWriter(new java.io.StringWriter()),
        new java.io.PrintWriter(new java.io.StringWriter()), "investigate", logs.toString(), "--out", report.toString(),
        "--json", json.toString());

    assertThat(code).isZero();
    assertThat(java.nio.file.Files.readString(report))
        .contains("which was re-created before 2026-03-02 10:05:00 UTC, when its new unique ID first appears in the "
            + "evidence (after 2026-03-01 09:00:00 UTC, when the old unique ID last appears")
        .contains("| 2026-03-02 10:05:00 UTC | Role re-created before this time \\(inferred\\) |")
        .doesNotContain("| CreateRole |", "re-created at");
    com.fasterxml.jackson.databind.JsonNode drift = new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(json.toFile()).get("policyDrift").get(0);
    assertThat(drift.get("roleRecreatedAt").isNull()).isTrue();
    assertThat(drift.get("roleRecreatedBefore").asText()).isEqualTo("2026-03-02T10:05:00Z");
    assertThat(drift.get("roleRecreatedShownBy").asText()).isEqualTo("sightings");
  }
}
