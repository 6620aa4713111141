package io.trailsleuth.cli;

import static io.trailsleuth.pipeline.TestStores.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code investigate} says about its inputs and its temporary store. */
final class InvestigateCommandTest {
  @TempDir
  Path temp;

  @Test
  void aPathThatDoesNotExistIsAUsageErrorOfOneLineBeforeAnyWork() {
    Path missing = temp.resolve("nonexistent");

    CliRun run = CliRun.of("investigate", missing.toString(), "--out", temp.resolve("report.md").toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).isEqualTo("trailsleuth: no such file or directory: " + missing + System.lineSeparator());
    assertThat(run.out()).isEmpty();
    assertThat(temp.resolve("report.md")).doesNotExist();
  }

  @Test
  void aMissingPathBesideAnExistingOneIsAUsageErrorToo() {
    CliRun run = CliRun.of("investigate", fixture("trail-records").toString(), temp.resolve("typo").toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("no such file or directory: " + temp.resolve("typo"));
  }

  @Test
  void timelineAndVerifyRefuseAMissingPathTheSameWay() {
    String missing = temp.resolve("nonexistent").toString();

    for (CliRun run : new CliRun[] {CliRun.of("timeline", missing), CliRun.of("verify", missing)}) {
      assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
      assertThat(run.err()).isEqualTo("trailsleuth: no such file or directory: " + missing + System.lineSeparator());
    }
  }

  @Test
  void anEmptyInputDirectoryIsExitThreeWithTheReason() throws Exception {
    Path empty = Files.createDirectories(temp.resolve("empty"));

    CliRun investigate = CliRun.of("investigate", "-q", empty.toString());
    CliRun timeline = CliRun.of("timeline", empty.toString());

    assertThat(investigate.exitCode()).isEqualTo(ExitCode.NOTHING_READ);
    assertThat(investigate.err()).endsWith("trailsleuth: nothing could be read from " + empty
        + ": no input files were found there" + System.lineSeparator());
    assertThat(timeline.exitCode()).isEqualTo(ExitCode.NOTHING_READ);
    assertThat(timeline.err()).contains("nothing could be read from " + empty + ": no input files were found there");
  }

  @Test
  void analyzeOfADirectoryOfLogsSuggestsANewStoreBesideItNeverInIt() throws Exception {
    Path logs = Files.createDirectories(temp.resolve("logs"));
    Files.copy(fixture("trail-records/compact.json"), logs.resolve("records.json"));

    CliRun run = CliRun.of("analyze", "--store", logs.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).isEqualTo("trailsleuth: " + logs + " is not a trailsleuth store (no trailsleuth-store.json);"
        + " if it holds logs, make a store of them in a new directory: 'trailsleuth ingest " + logs + " --store "
        + temp.resolve("logs.store") + "'" + System.lineSeparator());
  }

  @Test
  void saysHowManyEventsWereAnalysedWithoutATimeWindowWhenThereWereNone() {
    CliRun run = CliRun.of("investigate", fixture("other-json").toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.NOTHING_READ);
    assertThat(run.out()).contains("events analysed: 0" + System.lineSeparator()).doesNotContain("null");
  }

  @Test
  void neverSuggestsAQueryOnTheTemporaryStore() throws Exception {
    Path archive = Files.createDirectories(temp.resolve("archive"));
    Files.copy(fixture("trail-records/compact.json"), archive.resolve("good.json"));
    Files.writeString(archive.resolve("broken.json"), "{\"Records\":[{\"eventTime\": oops");

    CliRun run = CliRun.of("investigate", archive.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("1 rejected").contains("run again with --store DIR")
        .doesNotContain("--store (temporary").doesNotContain("trailsleuth query");
  }

  @Test
  void suggestsTheRejectsQueryForANamedStore() throws Exception {
    Path archive = Files.createDirectories(temp.resolve("archive"));
    Files.writeString(archive.resolve("broken.json"), "{\"Records\":[{\"eventTime\": oops");
    Files.copy(fixture("trail-records/compact.json"), archive.resolve("good.json"));
    Path store = temp.resolve("store");

    CliRun run = CliRun.of("investigate", archive.toString(), "--store", store.toString());

    assertThat(run.out()).contains("see: trailsleuth query --store " + store + " \"select source_file");
  }
}
