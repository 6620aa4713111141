package io.trailsleuth.analysis;

import static io.trailsleuth.analysis.SnapshotFixtures.configRole;
import static org.assertj.core.api.Assertions.assertThat;

import io.trailsleuth.pipeline.IngestOptions;
import io.trailsleuth.pipeline.IngestPipeline;
import io.trailsleuth.pipeline.IngestProgress;
import io.trailsleuth.query.AnalysisViews;
import io.trailsleuth.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import io.trailsleuth.store.CaseStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The analysis on evidence as real incidents leave it: a regional download, AWS Config history, CLI snapshots. */
class IncompleteEvidenceTest {
  private static final String A = StoryLogs.ACCOUNT;
  private static final String OLD = "AROAOLDOLDOLDOLDOLD01";
  private static final String NEW = "AROANEWNEWNEWNEWNEW02";
  private static final String CUSTOMER_KEY = "arn:aws:kms:eu-west-1:111122223333:key/11111111-2222-3333-4444-555555555555";

  @TempDir
  Path temp;

  private Findings analyze(Path... inputs) throws Exception {
    Path store = temp.resolve("store-" + System.nanoTime());
    IngestPipeline.run(IngestOptions.of(List.of(inputs).stream().map(Path::toString).toList(), store),
        IngestProgress.SILENT);
    try (Connection connection = CaseStore.connect(CaseStore.openExisting(store), "512MB")) {
      AnalysisViews.install(connection);
      return Analyzer.analyze(connection);
    }
  }

  /** A regional download: Lambda's grant and the denials, no IAM event and no older generation of the role. */
  private static StoryLogs regionalDownload() {
    return new StoryLogs()
        .grant("2026-03-01T09:05:00Z", A, "worker-exec", "worker", "g-worker")
        .decrypt("2026-03-02T10:20:00Z", A, "worker-exec", NEW, "worker", true)
        .decrypt("2026-03-02T11:20:00Z", A, "worker-exec", NEW, "worker", true);
  }

  @Test
  void reportsPossibleBreakageFromARegionalDownloadWithoutIamEvents() throws Exception {
    Findings findings = analyze(regionalDownload().write(temp.resolve("logs"), "eu-west-1.jsonl"));

    assertThat(findings.breakages()).singleElement().satisfies(b -> {
      assertThat(b.confidence()).isEqualTo(Confidence.POSSIBLE);
      assertThat(b.functionName()).isEqualTo("worker");
      assertThat(b.oldRoleId()).isNull();
      assertThat(b.newRoleId()).isEqualTo(NEW);
      assertThat(b.failedDecrypts()).isEqualTo(2);
      assertThat(b.roleRecreatedAt()).isNull();
      assertThat(b.evidenceSources()).containsExactly("cloudtrail");
      assertThat(b.missingEvidence()).containsExactly("iam-events", "old-generation", "role-deletion", "role-creation");
    });
    assertThat(findings.unexplainedDecryptFailures()).isEmpty();
    assertThat(findings.coverage().accountsWithoutIamEvents()).containsExactly(A);
  }

  @Test
  void summaryNeverSaysNothingFailedWhenIamEventsAreAbsent() throws Exception {
    StoryLogs quiet = new StoryLogs()
        .grant("2026-03-01T09:05:00Z", A, "worker-exec", "worker", "g-worker")
        .decrypt("2026-03-01T09:10:00Z", A, "worker-exec", NEW, "worker", false);
    Path logs = quiet.write(temp.resolve("logs"), "eu-west-1.jsonl");
    Findings findings = analyze(logs);
    Path out = temp.resolve("report.md");
    Main.run(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), "investigate", logs.toString(),
        "--out", out.toString());

    String report = Files.readString(out);
    assertThat(findings.breakages()).isEmpty();
    assertThat(report).doesNotContain("No Lambda function in these logs failed")
        .contains("holds no IAM events for account(s) 111122223333");
  }

  @Test
  void confirmsBreakageWhenListGrantsShowsTheGranteeByAnotherUniqueId() throws Exception {
    Path logs = regionalDownload().write(temp.resolve("logs"), "eu-west-1.jsonl");
    Files.writeString(logs.resolveSibling("grants.json"), "{\"Grants\": [" + grant("g-worker", "worker", OLD + ":worker")
        + "], \"Truncated\": false}\n", StandardCharsets.UTF_8);

    Findings findings = analyze(logs.getParent());

    assertThat(findings.breakages()).singleElement().satisfies(b -> {
      assertThat(b.confidence()).isEqualTo(Confidence.CONFIRMED);
      assertThat(b.oldRoleId()).isEqualTo(OLD);
      assertThat(b.newRoleId()).isEqualTo(NEW);
      assertThat(b.evidenceSources()).containsExactly("cloudtrail", "kms-list-grants");
      assertThat(b.missingEvidence()).doesNotContain("old-generation", "role-deletion").contains("iam-events");
      assertThat(b.snapshotEvidence()).singleElement().satisfies(item -> {
        assertThat(item.sourceFile()).isEqualTo("grants.json");
        assertThat(item.sourceSha256()).hasSize(64);
      });
    });
    assertThat(findings.snapshots()).singleElement().satisfies(file -> {
      assertThat(file.kind()).isEqualTo("kms-list-grants");
      assertThat(file.items()).isEqualTo(1);
    });
  }

  @Test
  void bindsOnlyTheGrantListedByUniqueIdAndLeavesTheOneStillShownBySession() throws Exception {
    StoryLogs story = new StoryLogs()
        .grant("2026-03-01T09:05:00Z", A, "worker-exec", "worker", "g-worker")
        .grant("2026-03-01T09:06:00Z", A, "reporter-exec", "reporter", "g-reporter")
        .decrypt("2026-03-01T09:30:00Z", A, "reporter-exec", "AROAREPORTERREPORT03", "reporter", false)
        .decrypt("2026-03-02T10:20:00Z", A, "worker-exec", NEW, "worker", true);
    Path logs = story.write(temp.resolve("logs"), "eu-west-1.jsonl");
    Files.writeString(logs.resolveSibling("grants.json"), "[" + grant("g-worker", "worker", OLD + ":worker") + ", "
        + grant("g-reporter", "reporter", "arn:aws:sts::" + A + ":assumed-role/reporter-exec/reporter") + "]\n",
        StandardCharsets.UTF_8);

    Findings findings = analyze(logs.getParent());

    assertThat(findings.breakages()).singleElement().satisfies(b -> {
      assertThat(b.functionName()).isEqualTo("worker");
      assertThat(b.confidence()).isEqualTo(Confidence.CONFIRMED);
      assertThat(b.oldRoleId()).isEqualTo(OLD);
    });
    assertThat(findings.atRisk()).isEmpty();
    assertThat(findings.snapshots()).singleElement().extracting(SnapshotFile::items).isEqualTo(2L);
  }

  @Test
  void confirmsBreakageFromRoleGenerationsKnownOnlyFromAConfigHistoryFile() throws Exception {
    Path logs = regionalDownload().write(temp.resolve("logs"), "eu-west-1.jsonl");
    String oldItem = configRole(A, OLD, "OK", "2026-02-01T08:00:00.000Z", "2026-02-01T08:05:00.000Z", false);
    String oldDeleted = configRole(A, OLD, "ResourceDeleted", "2026-02-01T08:00:00.000Z", "2026-03-02T10:14:30.000Z",
        false);
    // API-shaped item: configuration as a JSON-encoded string
    String newItem = configRole(A, NEW, "ResourceDiscovered", "2026-03-02T10:14:09.000Z", "2026-03-02T10:15:00.000Z",
        true);
    Path config = logs.getParent().resolve(SnapshotFixtures.configHistoryPath(A));
    Files.createDirectories(config.getParent());
    Files.writeString(config, "{\"fileVersion\":\"1.0\",\"configurationItems\":[" + oldItem + "," + oldDeleted + ","
        + newItem + "]}", StandardCharsets.UTF_8);

    Findings findings = analyze(logs.getParent());

    assertThat(findings.breakages()).singleElement().satisfies(b -> {
      assertThat(b.confidence()).isEqualTo(Confidence.CONFIRMED);
      assertThat(b.oldRoleId()).isEqualTo(OLD);
      assertThat(b.newRoleId()).isEqualTo(NEW);
      assertThat(b.roleRecreatedAt()).hasToString("2026-03-02T10:14:09Z");
      // AWS Config's capture of the deletion bounds it; the new role's CreateDate bounds it sooner (names are unique)
      assertThat(b.roleDeletedAt()).isNull();
      assertThat(b.roleDeleted().before()).hasToString("2026-03-02T10:14:09Z");
      assertThat(b.evidenceSources()).containsExactly("aws-config", "cloudtrail");
      assertThat(b.missingEvidence()).containsExactly("iam-events");
      assertThat(b.snapshotEvidence()).hasSize(3);
    });
  }

  @Test
  void keepsADenialOnACustomerKeyUnexplainedEvenWhenTheSessionIsNamedLikeAFunction() throws Exception {
    StoryLogs story = new StoryLogs()
        .createRole("2026-03-01T08:00:00Z", A, "nightly-job", OLD)
        .customerKeyDecrypt("2026-03-01T09:00:00Z", "nightly-job", OLD, "nightly-job", CUSTOMER_KEY, false)
        .deleteRole("2026-03-02T10:14:05Z", A, "nightly-job")
        .createRole("2026-03-02T10:14:09Z", A, "nightly-job", NEW)
        .customerKeyDecrypt("2026-03-02T10:20:00Z", "nightly-job", NEW, "nightly-job", CUSTOMER_KEY, true);

    Findings findings = analyze(story.write(temp.resolve("logs"), "story.jsonl"));

    assertThat(findings.breakages()).isEmpty();
    assertThat(findings.unexplainedDecryptFailures()).singleElement().satisfies(u -> {
      assertThat(u.keyArns()).containsExactly(CUSTOMER_KEY);
      assertThat(u.awsManagedKey()).isFalse();
    });
  }

  @Test
  void keepsADenialWithNoLambdaGrantInSightUnexplained() throws Exception {
    StoryLogs story = new StoryLogs().decrypt("2026-03-02T10:20:00Z", A, "worker-exec", NEW, "worker", true);

    Findings findings = analyze(story.write(temp.resolve("logs"), "story.jsonl"));

    assertThat(findings.breakages()).isEmpty();
    assertThat(findings.unexplainedDecryptFailures()).hasSize(1);
  }

  @Test
  void doesNotReportAPossibleBreakageWhenTheGrantWasRetiredBeforeTheDenials() throws Exception {
    Path logs = regionalDownload().write(temp.resolve("logs"), "eu-west-1.jsonl");
    Files.writeString(logs.resolveSibling("retire.json"), "{\"eventVersion\":\"1.08\",\"userIdentity\":{\"type\":"
        + "\"AssumedRole\",\"arn\":\"arn:aws:sts::" + A + ":assumed-role/deployer/x\",\"accountId\":\"" + A + "\"},"
        + "\"eventTime\":\"2026-03-01T12:00:00Z\",\"eventSource\":\"kms.amazonaws.com\",\"eventName\":\"RetireGrant\","
        + "\"awsRegion\":\"eu-west-1\",\"eventID\":\"retire-1\",\"recipientAccountId\":\"" + A + "\","
        + "\"requestParameters\":{\"grantId\":\"g-worker\",\"keyId\":\"" + StoryLogs.KEY + "\"}}\n",
        StandardCharsets.UTF_8);

    Findings findings = analyze(logs.getParent());

    assertThat(findings.breakages()).isEmpty();
    assertThat(findings.unexplainedDecryptFailures()).singleElement()
        .satisfies(u -> assertThat(u.awsManagedKey()).isTrue());
  }

  @Test
  void reportsAFunctionAtRiskWhenItsGrantIsOlderThanTheFirstSightingOfTheOldRoleId() throws Exception {
    StoryLogs story = regionalDownload()
        .grant("2026-03-01T09:05:01Z", A, "worker-exec", "reporter", "g-reporter")
        .decrypt("2026-03-01T09:30:00Z", A, "worker-exec", OLD, "reporter", false)
        .decrypt("2026-03-02T09:30:00Z", A, "worker-exec", OLD, "reporter", false);

    Findings findings = analyze(story.write(temp.resolve("logs"), "eu-west-1.jsonl"));

    assertThat(findings.atRisk()).singleElement().satisfies(risk -> {
      assertThat(risk.functionName()).isEqualTo("reporter");
      assertThat(risk.oldRoleId()).isEqualTo(OLD);
      assertThat(risk.newRoleId()).isEqualTo(NEW);
      assertThat(risk.grantId()).isEqualTo("g-reporter");
      assertThat(risk.reason()).startsWith("Probably: ").contains("the last at 2026-03-02T09:30:00Z");
      assertThat(risk.evidence()).extracting(Evidence::eventName).containsExactly("CreateGrant", "Decrypt");
    });
  }

  @Test
  void reportsARoleRecreatedTwiceAfterAGrantOlderThanItsFirstSightingAsOneFinding() throws Exception {
    String third = "AROATHIRDTHIRDTHIRD03";
    StoryLogs story = new StoryLogs()
        .grant("2026-03-01T09:05:00Z", A, "worker-exec", "worker", "g-worker")
        .decrypt("2026-03-01T10:00:00Z", A, "worker-exec", OLD, "worker", false)
        .decrypt("2026-03-02T10:20:00Z", A, "worker-exec", NEW, "worker", true)
        .decrypt("2026-03-03T10:20:00Z", A, "worker-exec", third, "worker", true);

    Findings findings = analyze(story.write(temp.resolve("logs"), "eu-west-1.jsonl"));

    assertThat(findings.breakages()).singleElement().satisfies(b -> {
      assertThat(b.oldRoleId()).isEqualTo(OLD);
      assertThat(b.recreations()).extracting(Recreation::newRoleId).containsExactly(NEW, third);
      assertThat(b.failedDecrypts()).isEqualTo(2);
      assertThat(b.evidence()).extracting(Evidence::eventTime).map(Object::toString).contains("2026-03-01T10:00:00Z");
    });
  }

  /**
   * cmk-fn under worker-exec (created with {@code configuredKey}; null: its creation is not in the logs), denied on
   * {@code deniedKey} after worker-exec is re-created.
   */
  private static StoryLogs recreatedUnder(String configuredKey, String deniedKey) {
    StoryLogs story = new StoryLogs().createRole("2026-03-01T08:00:00Z", A, "worker-exec", OLD);
    if (configuredKey != null) {
      story.createFunction("2026-03-01T08:30:00Z", "cmk-fn", "worker-exec", configuredKey);
    }
    return story
        .decrypt("2026-03-01T09:00:00Z", A, "worker-exec", OLD, "cmk-fn", false)
        .deleteRole("2026-03-02T10:14:05Z", A, "worker-exec")
        .createRole("2026-03-02T10:14:09Z", A, "worker-exec", NEW)
        .customerKeyDecrypt("2026-03-02T10:20:00Z", "worker-exec", NEW, "cmk-fn", deniedKey, true);
  }

  @Test
  void keepsTheDenialOfAFunctionCreatedWithACustomerKeyUnexplainedNamingThatKey() throws Exception {
    Findings findings = analyze(recreatedUnder(CUSTOMER_KEY, CUSTOMER_KEY).write(temp.resolve("logs"), "story.jsonl"));

    assertThat(findings.breakages()).isEmpty();
    assertThat(findings.atRisk()).isEmpty();
    assertThat(findings.unexplainedDecryptFailures()).singleElement().satisfies(u -> {
      assertThat(u.principalArn()).endsWith(":assumed-role/worker-exec/cmk-fn");
      assertThat(u.keyArns()).containsExactly(CUSTOMER_KEY);
      assertThat(u.awsManagedKey()).isFalse();
    });
  }

  @Test
  void keepsTheDenialOfAFunctionWhoseConfigurationSnapshotNamesACustomerKeyUnexplained() throws Exception {
    Path logs = recreatedUnder(null, CUSTOMER_KEY).write(temp.resolve("logs"), "story.jsonl");
    Files.writeString(logs.resolveSibling("lambda-get-function-configuration-cmk-fn.json"), "{\"FunctionName\": "
        + "\"cmk-fn\", \"FunctionArn\": \"arn:aws:lambda:eu-west-1:" + A + ":function:cmk-fn\", \"Runtime\": "
        + "\"python3.12\", \"Role\": \"arn:aws:iam::" + A + ":role/worker-exec\", \"Handler\": \"app.handler\", "
        + "\"KMSKeyArn\": \"" + CUSTOMER_KEY + "\", \"LastModified\": \"2026-03-01T08:30:00.000+0000\", "
        + "\"Version\": \"$LATEST\"}\n", StandardCharsets.UTF_8);

    Findings findings = analyze(logs.getParent());

    assertThat(findings.snapshots()).extracting(SnapshotFile::kind).containsExactly("lambda-config");
    assertThat(findings.breakages()).isEmpty();
    assertThat(findings.unexplainedDecryptFailures()).singleElement()
        .satisfies(u -> assertThat(u.keyArns()).containsExactly(CUSTOMER_KEY));
  }

  @Test
  void stillReportsABreakageWhenNoConfigurationNamesACustomerKey() throws Exception {
    Findings findings = analyze(recreatedUnder(null, StoryLogs.KEY).write(temp.resolve("logs"), "story.jsonl"));

    assertThat(findings.breakages()).extracting(Breakage::functionName).containsExactly("cmk-fn");
  }

  @Test
  void reportsTheBreakageOfAFunctionWhoseCustomerKeyWasRemovedBeforeItsGrant() throws Exception {
    StoryLogs story = new StoryLogs()
        .createRole("2026-03-01T08:00:00Z", A, "worker-exec", OLD)
        .createFunction("2026-03-01T08:30:00Z", "worker", "worker-exec", CUSTOMER_KEY)
        .updateKey("2026-03-01T09:04:00Z", "worker", "")
        .grant("2026-03-01T09:05:00Z", A, "worker-exec", "worker", "g1")
        .deleteRole("2026-03-02T10:14:05Z", A, "worker-exec")
        .createRole("2026-03-02T10:14:09Z", A, "worker-exec", NEW)
        .decrypt("2026-03-02T10:20:00Z", A, "worker-exec", NEW, "worker", true);

    Findings findings = analyze(story.write(temp.resolve("logs"), "story.jsonl"));

    assertThat(findings.breakages()).singleElement().satisfies(b -> {
      assertThat(b.grantId()).isEqualTo("g1");
      assertThat(b.confidence()).isEqualTo(Confidence.CONFIRMED);
    });
  }

  private static String grant(String grantId, String function, String grantee) {
    return "{\"KeyId\": \"" + StoryLogs.KEY + "\", \"GrantId\": \"" + grantId + "\", \"Name\": \"" + function + "\", "
        + "\"CreationDate\": \"2026-03-01T20:05:00+11:00\", \"GranteePrincipal\": \"" + grantee + "\", "
        + "\"RetiringPrincipal\": \"" + grantee + "\", \"IssuingAccount\": \"arn:aws:iam::" + A + ":root\", "
        + "\"Operations\": [\"Decrypt\", \"RetireGrant\"], \"Constraints\": {\"EncryptionContextEquals\": "
        + "{\"aws:lambda:FunctionArn\": \"arn:aws:lambda:eu-west-1:" + A + ":function:" + function + "\"}}}";
  }
}
