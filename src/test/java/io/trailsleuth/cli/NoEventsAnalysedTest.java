package io.trailsleuth.cli;

import static io.trailsleuth.pipeline.TestStores.copy;
import static io.trailsleuth.pipeline.TestStores.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With no event to analyse, the report and the console say so and why, and the command exits 3, never "no failure". */
final class NoEventsAnalysedTest {
  private static final String NO_FAILURE = "No Lambda function in these logs failed";
  private static final String NO_EVENTS = "No CloudTrail events were analysed";
  private static final String OTHER_REGION = "AWSLogs/111122223333/CloudTrail/eu-west-1/2025/03/03/"
      + "111122223333_CloudTrail_eu-west-1_20250303T1005Z_Cc33.json";

  @TempDir
  Path temp;

  @Test
  void investigateOfFilesWithoutCloudTrailEventsSaysNoEventsWereAnalysedAndExitsNothingRead() throws Exception {
    Path archive = Files.createDirectories(temp.resolve("archive"));
    copy("other-json/s3-list-objects.json", archive, "listing.json");
    Files.writeString(archive.resolve("notes.txt"), "not json at all\n");
    Path report = temp.resolve("report.md");

    CliRun run = CliRun.of("investigate", "-q", archive.toString(), "--out", report.toString());

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.NOTHING_READ);
    String markdown = Files.readString(report);
    assertThat(markdown.split("## Impact")[0]).contains(NO_EVENTS).contains("of the 2 file(s) read, 2 held no CloudTrail events")
        .doesNotContain(NO_FAILURE);
    assertThat(markdown).contains("No fix can be derived: no CloudTrail event was analysed")
        .doesNotContain("Nothing to fix: no function in these logs is broken");
    assertThat(run.out()).contains(NO_EVENTS);
  }

  @Test
  void investigateWhoseScopeLeavesOutEveryLogFileSaysSo() throws Exception {
    Path archive = temp.resolve("archive");
    copy("trail-records/compact.json", archive, OTHER_REGION);
    copy("other-json/s3-list-objects.json", archive, "listing.json");
    Path report = temp.resolve("report.md");

    CliRun run = CliRun.of("investigate", "-q", archive.toString(), "--region", "ap-south-1", "--out", report.toString());

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.NOTHING_READ);
    assertThat(Files.readString(report)).contains(NO_EVENTS + ", so nothing can be said about any function: of the 1 "
        + "file(s) read, 1 held no CloudTrail events (digests or other non-CloudTrail files); 1 CloudTrail log file(s) "
        + "were outside the ingest's scope and not read.").doesNotContain(NO_FAILURE);
  }

  @Test
  void investigateThatReadsNoFileAtAllNamesTheScopeAmongTheCauses() throws Exception {
    Path archive = temp.resolve("archive");
    copy("trail-records/compact.json", archive, OTHER_REGION);
    Path report = temp.resolve("report.md");

    CliRun run = CliRun.of("investigate", "-q", archive.toString(), "--region", "ap-south-1", "--out", report.toString());

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.NOTHING_READ);
    assertThat(run.out()).contains("1 found = 0 read this run + 1 out of scope");
    assertThat(Files.readString(report)).contains(NO_EVENTS).contains("every input was outside the ingest's scope")
        .doesNotContain(NO_FAILURE);
  }

  @Test
  void analyzeOfAStoreWhoseOnlyRunWasInterruptedSaysItHoldsNoEventsAndExitsNothingRead() throws Exception {
    Path store = temp.resolve("store");
    CliRun ingest = CliRun.of("ingest", "-q", fixture("trail-records").toString(), "--store", store.toString());
    assertThat(ingest.exitCode()).as(ingest.err()).isEqualTo(ExitCode.OK);
    try (Stream<Path> markers = Files.find(store.resolve("runs"), 2, (path, attributes) -> path.endsWith("commit.json"))) {
      for (Path marker : markers.toList()) {
        Files.delete(marker);
      }
    }
    Path report = temp.resolve("report.md");

    CliRun run = CliRun.of("analyze", "--store", store.toString(), "--out", report.toString());

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.NOTHING_READ);
    assertThat(Files.readString(report)).contains(NO_EVENTS).contains("the store holds no file read by a completed ingest")
        .doesNotContain(NO_FAILURE);
    assertThat(run.out()).contains(NO_EVENTS);
  }

  @Test
  void findingsJsonOnStandardOutputKeepsTheStatementOnStandardError() {
    CliRun run = CliRun.of("investigate", "-q", fixture("other-json").toString(), "--json", "-");

    assertThat(run.exitCode()).isEqualTo(ExitCode.NOTHING_READ);
    assertThat(run.out()).startsWith("{").doesNotContain(NO_EVENTS);
    assertThat(run.err()).contains(NO_EVENTS);
  }

  @Test
  void ingestOfFilesWithoutCloudTrailEventsSaysNothingWasStoredAndExitsNothingRead() {
    CliRun run = CliRun.of("ingest", "-q", fixture("other-json").toString(), "--store", temp.resolve("store").toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.NOTHING_READ);
    assertThat(run.out()).contains("nothing stored: no input file held a CloudTrail event or snapshot item");
  }
}
