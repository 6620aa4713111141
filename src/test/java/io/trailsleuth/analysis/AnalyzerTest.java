package io.trailsleuth.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailsleuth.cli.Main;
import io.trailsleuth.report.FindingsJson;
import io.trailsleuth.pipeline.IngestOptions;
import io.trailsleuth.pipeline.IngestPipeline;
import io.trailsleuth.pipeline.IngestProgress;
import io.trailsleuth.query.AnalysisViews;
import io.trailsleuth.store.CaseStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyzerTest {
  private static final String OLD = "AROAOLDOLDOLDOLDOLD01";
  private static final String NEW = "AROANEWNEWNEWNEWNEW02";
  private static final String A = StoryLogs.ACCOUNT;
  private static final String OTHER_KEY = "arn:aws:kms:eu-west-1:111122223333:key/99999999-2222-3333-4444-555555555555";

  @TempDir
  Path temp;

  private Findings analyze(List<String> inputs) throws Exception {
    Path store = temp.resolve("store-" + System.nanoTime());
    IngestPipeline.run(IngestOptions.of(inputs, store), IngestProgress.SILENT);
    try (Connection connection = CaseStore.connect(CaseStore.openExisting(store), "512MB")) {
      AnalysisViews.install(connection);
      return Analyzer.analyze(connection);
    }
  }

  private StoryLogs seedStory() {
    return new StoryLogs()
        .createRole("2026-03-01T09:00:00Z", A, "worker-exec", OLD)
        .grant("2026-03-01T09:05:00Z", A, "worker-exec", "worker", "g-old-worker")
        .grant("2026-03-01T09:05:01Z", A, "worker-exec", "reporter", "g-old-reporter")
        .decrypt("2026-03-01T09:10:00Z", A, "worker-exec", OLD, "worker", false)
        .deleteRole("2026-03-02T10:14:05Z", A, "worker-exec")
        .createRole("2026-03-02T10:14:09Z", A, "worker-exec", NEW)
        .decrypt("2026-03-02T10:20:00Z", A, "worker-exec", NEW, "worker", true)
        .decrypt("2026-03-02T11:20:00Z", A, "worker-exec", NEW, "worker", true)
        .decrypt("2026-03-02T13:00:00Z", A, "worker-exec", NEW, "worker", true)
        .flipRole("2026-03-02T13:07:00Z", A, "worker", "worker-tmp")
        .flipRole("2026-03-02T13:09:00Z", A, "worker", "worker-exec")
        .grant("2026-03-02T13:09:02Z", A, "worker-exec", "worker", "g-new-worker")
        .decrypt("2026-03-02T13:15:00Z", A, "worker-exec", NEW, "worker", false)
        .userDenied("2026-03-02T12:00:00Z", "dev-bob");
  }

  @Test
  void reportsBreakageWhenRoleIsRecreatedAfterGrant() throws Exception {
    Findings findings = analyze(List.of(seedStory().write(temp.resolve("logs"), "story.jsonl").toString()));

    assertThat(findings.breakages()).hasSize(1);
    Breakage breakage = findings.breakages().get(0);
    assertThat(breakage.functionName()).isEqualTo("worker");
    assertThat(breakage.oldRoleId()).isEqualTo(OLD);
    assertThat(breakage.newRoleId()).isEqualTo(NEW);
    assertThat(breakage.grantId()).isEqualTo("g-old-worker");
    assertThat(breakage.failedDecrypts()).isEqualTo(3);
    assertThat(breakage.confidence()).isEqualTo(Confidence.CONFIRMED);
    assertThat(breakage.roleDeletedBy().via()).isEqualTo(Via.TERRAFORM);
    assertThat(breakage.remediatedAt()).hasToString("2026-03-02T13:07:00Z");
    assertThat(breakage.remediatedBy().via()).isEqualTo(Via.CONSOLE);
    assertThat(breakage.recoveredAt()).hasToString("2026-03-02T13:15:00Z");
  }

  @Test
  void reportsSecondFunctionOnTheSameRoleAsAtRiskWhenItHasNotRunSince() throws Exception {
    Findings findings = analyze(List.of(seedStory().write(temp.resolve("logs"), "story.jsonl").toString()));

    assertThat(findings.atRisk()).extracting(AtRisk::functionName).containsExactly("reporter");
    assertThat(findings.atRisk().get(0).oldRoleId()).isEqualTo(OLD);
  }

  @Test
  void reportsPersonDeniedDecryptAsUnexplainedNotAsBreakage() throws Exception {
    Findings findings = analyze(List.of(seedStory().write(temp.resolve("logs"), "story.jsonl").toString()));

    assertThat(findings.unexplainedDecryptFailures()).extracting(UnexplainedDenial::principalArn)
        .containsExactly("arn:aws:iam::" + A + ":user/dev-bob");
  }

  @Test
  void reportsNothingWhenDecryptsSucceedUnderTheNewGeneration() throws Exception {
    StoryLogs logs = new StoryLogs()
        .createRole("2026-03-01T09:00:00Z", A, "cmk-exec", OLD)
        .grant("2026-03-01T09:05:00Z", A, "cmk-exec", "cmk-fn", "g1")
        .deleteRole("2026-03-02T10:00:00Z", A, "cmk-exec")
        .createRole("2026-03-02T10:00:04Z", A, "cmk-exec", NEW)
        .decrypt("2026-03-02T10:20:00Z", A, "cmk-exec", NEW, "cmk-fn", false);

    Findings findings = analyze(List.of(logs.write(temp.resolve("logs"), "cmk.jsonl").toString()));

    assertThat(findings.breakages()).isEmpty();
    assertThat(findings.atRisk()).isEmpty();
  }

  @Test
  void doesNotTouchSameNamedFunctionInAnotherAccount() throws Exception {
    String other = "444455556666";
    StoryLogs logs = seedStory()
        .createRole("2026-03-01T09:00:00Z", other, "worker-exec", "AROAOTHEROTHEROTHER03")
        .grant("2026-03-01T09:05:00Z", other, "worker-exec", "worker", "g-other")
        .decrypt("2026-03-02T12:00:00Z", other, "worker-exec", "AROAOTHEROTHEROTHER03", "worker", false);

    Findings findings = analyze(List.of(logs.write(temp.resolve("logs"), "two-accounts.jsonl").toString()));

    assertThat(findings.breakages()).extracting(Breakage::accountId).containsExactly(A);
    assertThat(findings.atRisk()).extracting(AtRisk::accountId).containsOnly(A);
  }

  @Test
  void countsDenialsDeliveredTwiceThroughTwoExportsOnce() throws Exception {
    Path logs = temp.resolve("logs");
    seedStory().write(logs, "trail.jsonl");
    seedStory().write(logs, "copy.jsonl");

    Findings findings = analyze(List.of(logs.toString()));

    assertThat(findings.breakages().get(0).failedDecrypts()).isEqualTo(3);
  }

  @Test
  void writesByteIdenticalFindingsJsonForTheSameInput() throws Exception {
    String input = seedStory().write(temp.resolve("logs"), "story.jsonl").toString();

    assertThat(FindingsJson.write(analyze(List.of(input)))).isEqualTo(FindingsJson.write(analyze(List.of(input))));
  }

  @Test
  void investigateWritesReportNamingOldAndNewRoleIdsOfTheRealCapture() throws Exception {
    Path dataset = Path.of(System.getProperty("trailsleuth.shared", "../shared"), "datasets",
        "lambda-grant-shenanigans", "records-rewrapped.json");
    Assumptions.assumeTrue(Files.exists(dataset), "shared datasets are absent");
    String account = "123456789012";
    StoryLogs lifecycle = new StoryLogs()
        .createRole("2021-09-23T11:00:00Z", account, "grant-shenanigans", "AROAWJFTKRGSL363D6SWQ")
        .deleteRole("2021-09-23T12:13:10Z", account, "grant-shenanigans")
        .createRole("2021-09-23T12:13:17Z", account, "grant-shenanigans", "AROAWJFTKRGSJLRRX5PRS");
    Path synthetic = lifecycle.write(temp.resolve("synthetic"), "synthetic-lifecycle.jsonl");
    Path report = temp.resolve("report.md");
    StringWriter out = new StringWriter();

    int code = Main.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "investigate", "-q",
        dataset.toString(), synthetic.toString(), "--out", report.toString());

    assertThat(code).isZero();
    assertThat(Files.readString(report)).contains("`AROAWJFTKRGSL363D6SWQ` → `AROAWJFTKRGSJLRRX5PRS`")
        .contains("grant-shenanigans");
  }

  @Test
  void reportsProbableBreakageWhenLogsBeginAfterTheGrant() throws Exception {
    StoryLogs logs = new StoryLogs()
        .decrypt("2026-03-01T09:10:00Z", A, "worker-exec", OLD, "worker", false)
        .createRole("2026-03-02T10:14:09Z", A, "worker-exec", NEW)
        .decrypt("2026-03-02T10:20:00Z", A, "worker-exec", NEW, "worker", true);

    Findings findings = analyze(List.of(logs.write(temp.resolve("logs"), "late.jsonl").toString()));

    assertThat(findings.breakages()).hasSize(1);
    assertThat(findings.breakages().get(0).confidence()).isEqualTo(Confidence.PROBABLE);
    assertThat(findings.breakages().get(0).grantId()).isNull();
    assertThat(findings.breakages().get(0).oldRoleId()).isEqualTo(OLD);
  }

  @Test
  void reportsRoleRecreatedTwiceAsOneFindingListingBothRecreations() throws Exception {
    String third = "AROATHIRDTHIRDTHIRD03";
    StoryLogs logs = recreatedAfterGrant()
        .decrypt("2026-03-02T10:20:00Z", A, "worker-exec", NEW, "worker", true)
        .deleteRole("2026-03-02T11:00:00Z", A, "worker-exec")
        .createRole("2026-03-02T11:00:05Z", A, "worker-exec", third)
        .decrypt("2026-03-02T11:20:00Z", A, "worker-exec", third, "worker", true);

    Findings findings = analyze(List.of(logs.write(temp.resolve("logs"), "twice.jsonl").toString()));

    assertThat(findings.breakages()).hasSize(1);
    Breakage breakage = findings.breakages().get(0);
    assertThat(breakage.newRoleId()).isEqualTo(NEW);
    assertThat(breakage.recreations()).extracting(Recreation::newRoleId).containsExactly(NEW, third);
    assertThat(breakage.failedDecrypts()).isEqualTo(2);
  }

  @Test
  void listsRoleDeletedAndNotRecreatedWithoutABreakage() throws Exception {
    StoryLogs logs = new StoryLogs()
        .createRole("2026-03-01T09:00:00Z", A, "gone-exec", OLD)
        .grant("2026-03-01T09:05:00Z", A, "gone-exec", "gone-fn", "g1")
        .deleteRole("2026-03-02T10:00:00Z", A, "gone-exec");

    Findings findings = analyze(List.of(logs.write(temp.resolve("logs"), "gone.jsonl").toString()));

    assertThat(findings.breakages()).isEmpty();
    assertThat(findings.atRisk()).isEmpty();
    assertThat(findings.deletedRoles()).extracting(DeletedRole::roleName).containsExactly("gone-exec");
    assertThat(findings.deletedRoles().get(0).functions())
        .containsExactly("arn:aws:lambda:eu-west-1:" + A + ":function:gone-fn");
  }

  @Test
  void doesNotReportADenialUnderTheSameGenerationAsTheGrant() throws Exception {
    StoryLogs logs = new StoryLogs()
        .createRole("2026-03-01T09:00:00Z", A, "worker-exec", OLD)
        .grant("2026-03-01T09:05:00Z", A, "worker-exec", "worker", "g1")
        .decrypt("2026-03-01T10:00:00Z", A, "worker-exec", OLD, "worker", true);

    Findings findings = analyze(List.of(logs.write(temp.resolve("logs"), "same.jsonl").toString()));

    assertThat(findings.breakages()).isEmpty();
    assertThat(findings.unexplainedDecryptFailures()).hasSize(1);
  }

  @Test
  void citesLambdaInvokeDataEventsThatFailedOnKmsAsEvidence() throws Exception {
    StoryLogs logs = seedStory().invokeDenied("2026-03-02T10:20:01Z", A, "worker");

    Findings findings = analyze(List.of(logs.write(temp.resolve("logs"), "invoke.jsonl").toString()));

    assertThat(findings.breakages().get(0).evidence()).extracting(Evidence::eventName).contains("Invoke");
  }

  /** worker's grant g1 bound to OLD, then worker-exec deleted and created again as NEW. */
  private static StoryLogs recreatedAfterGrant() {
    return new StoryLogs()
        .createRole("2026-03-01T09:00:00Z", A, "worker-exec", OLD)
        .grant("2026-03-01T09:05:00Z", A, "worker-exec", "worker", "g1")
        .deleteRole("2026-03-02T10:00:00Z", A, "worker-exec")
        .createRole("2026-03-02T10:00:05Z", A, "worker-exec", NEW);
  }

  @Test
  void keepsADenialOnAnotherKeyThanTheGrantsUnexplainedAfterARoleRecreation() throws Exception {
    StoryLogs logs = recreatedAfterGrant()
        .decrypt("2026-03-01T10:00:00Z", A, "worker-exec", OLD, "worker", false)
        .customerKeyDecrypt("2026-03-02T11:00:00Z", "worker-exec", NEW, "worker", OTHER_KEY, true);

    Findings findings = analyze(List.of(logs.write(temp.resolve("logs"), "other-key.jsonl").toString()));

    assertThat(findings.breakages()).isEmpty();
    assertThat(findings.unexplainedDecryptFailures()).singleElement()
        .satisfies(u -> assertThat(u.keyArns()).containsExactly(OTHER_KEY));
  }

  @Test
  void keepsAFunctionAtRiskWhenItsOnlyDecryptSinceTheRecreationIsOnAnotherKey() throws Exception {
    StoryLogs logs = recreatedAfterGrant()
        .customerKeyDecrypt("2026-03-02T11:00:00Z", "worker-exec", NEW, "worker", OTHER_KEY, false);

    Findings findings = analyze(List.of(logs.write(temp.resolve("logs"), "other-key.jsonl").toString()));

    assertThat(findings.atRisk()).extracting(AtRisk::functionName).containsExactly("worker");
  }

  @Test
  void datesTheRecoveryByTheFirstSuccessOnTheFunctionsKeyNotOnAnotherKey() throws Exception {
    StoryLogs logs = recreatedAfterGrant()
        .decrypt("2026-03-02T10:20:00Z", A, "worker-exec", NEW, "worker", true)
        .flipRole("2026-03-02T13:07:00Z", A, "worker", "worker-tmp")
        .flipRole("2026-03-02T13:09:00Z", A, "worker", "worker-exec")
        .grant("2026-03-02T13:09:02Z", A, "worker-exec", "worker", "g2")
        .customerKeyDecrypt("2026-03-02T13:10:00Z", "worker-exec", NEW, "worker", OTHER_KEY, false)
        .decrypt("2026-03-02T13:15:00Z", A, "worker-exec", NEW, "worker", false);

    Findings findings = analyze(List.of(logs.write(temp.resolve("logs"), "recovery.jsonl").toString()));

    assertThat(findings.breakages()).singleElement()
        .satisfies(b -> assertThat(b.recoveredAt()).hasToString("2026-03-02T13:15:00Z"));
  }
}
