package io.trailsleuth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailsleuth.store.RunCommit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run directory without its commit marker, as a Spark job killed while S3A copied its run into {@code runs/} leaves
 * it: a copy of part of another store's run (its events, manifest and focus events, no {@code commit.json}). Every
 * command that reads the store ignores it, says so once, and the next ingest neither reads it nor reuses its id.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class UncommittedRunTest {
  private static final Path FIRST_SCENARIO = Path.of("sample-logs/AWSLogs");
  private static final Path REGIONAL_SCENARIO = Path.of("sample-logs/regional-download/AWSLogs");
  private static final String COUNTS = "select (select count(*) from events) as events, "
      + "(select count(*) from sources) as sources, (select count(*) from rejects) as rejects, "
      + "(select count(*) from focus_events) as focus_events, (select count(*) from role_sightings) as sightings";

  private Path temp;
  private Path clean;
  private Path partial;
  private Path halfPublished;

  @BeforeAll
  void storesWithAndWithoutAHalfPublishedRun(@TempDir Path directory) throws IOException {
    temp = directory;
    clean = temp.resolve("clean");
    assertThat(CliRun.of("ingest", "-q", FIRST_SCENARIO.toString(), "--store", clean.toString()).exitCode()).isZero();
    Path regional = temp.resolve("regional");
    assertThat(CliRun.of("ingest", "-q", REGIONAL_SCENARIO.toString(), "--store", regional.toString()).exitCode())
        .isZero();
    partial = temp.resolve("partial");
    ArchiveCopies.copyTree(clean, partial);
    Path regionalRun = regional.resolve("runs/run-000001");
    halfPublished = partial.resolve("runs/run-000002");
    ArchiveCopies.copyTree(regionalRun.resolve("events"), halfPublished.resolve("events"));
    for (String file : List.of("sources.parquet", "focus-events.parquet")) {
      Files.copy(regionalRun.resolve(file), halfPublished.resolve(file));
    }
    assertThat(regionalRun.resolve(RunCommit.FILE_NAME)).exists();
    assertThat(halfPublished.resolve(RunCommit.FILE_NAME)).doesNotExist();
  }

  @Test
  void analyzeWritesTheReportOfTheStoreWithoutTheHalfPublishedRunAndSaysWhyOnce() throws IOException {
    CliRun withoutIt = analyze(clean, "clean");
    CliRun withIt = analyze(partial, "partial");

    assertThat(withIt.exitCode()).isZero();
    assertThat(masked(temp.resolve("partial.md"), partial)).isEqualTo(masked(temp.resolve("clean.md"), clean));
    assertThat(masked(temp.resolve("partial.json"), partial)).isEqualTo(masked(temp.resolve("clean.json"), clean));
    assertThat(withoutIt.err()).isEmpty();
    assertThat(withIt.err().lines().toList()).containsExactly("warning: ignoring " + halfPublished.toAbsolutePath()
        + ": it has no commit.json, so the job that wrote it failed or was stopped before it finished publishing the"
        + " run. It is not part of the store and nothing reads it; delete it and run the ingest again.");
  }

  @Test
  void queryAndTimelineSeeOnlyTheCommittedRun() {
    CliRun cleanCounts = CliRun.of("query", "--store", clean.toString(), "--format", "csv", COUNTS);
    CliRun partialCounts = CliRun.of("query", "--store", partial.toString(), "--format", "csv", COUNTS);
    CliRun cleanTimeline = CliRun.of("timeline", "--store", clean.toString(), "--format", "csv");
    CliRun partialTimeline = CliRun.of("timeline", "--store", partial.toString(), "--format", "csv");

    assertThat(partialCounts.exitCode()).isZero();
    assertThat(partialCounts.out()).isEqualTo(cleanCounts.out());
    assertThat(partialTimeline.exitCode()).isZero();
    assertThat(partialTimeline.out()).isNotEmpty().isEqualTo(cleanTimeline.out());
    assertThat(partialCounts.err()).contains("warning: ignoring " + halfPublished.toAbsolutePath());
    assertThat(partialTimeline.err()).contains("warning: ignoring " + halfPublished.toAbsolutePath());
  }

  @Test
  void nextIngestReadsTheRegionalLogsAnewIntoAFreshRun() throws IOException {
    Path store = temp.resolve("ingest-after-partial");
    ArchiveCopies.copyTree(partial, store);

    CliRun ingest = CliRun.of("ingest", "-q", REGIONAL_SCENARIO.toString(), "--store", store.toString());

    long regionalEvents = count(temp.resolve("regional"), "events");
    assertThat(ingest.exitCode()).isZero();
    // neither the half-published manifest (files "already read") nor its events ("already stored") counted
    assertThat(ingest.out()).contains("(run-000003)").contains("= " + regionalEvents + " stored + 0 duplicates")
        .contains(" 0 not read again");
    assertThat(ingest.err()).contains("warning: ignoring " + store.resolve("runs/run-000002").toAbsolutePath());
    assertThat(store.resolve("runs/run-000003/" + RunCommit.FILE_NAME)).exists();
    assertThat(store.resolve("runs/run-000002/" + RunCommit.FILE_NAME)).doesNotExist();
    CliRun counts = CliRun.of("query", "--store", store.toString(), "--format", "csv",
        "select count(distinct run_id) as runs, count(*) as files from sources");
    assertThat(counts.out().lines()).containsExactly("runs,files", "2,"
        + (count(clean, "sources") + count(temp.resolve("regional"), "sources")));
  }

  private CliRun analyze(Path store, String name) {
    return CliRun.of("analyze", "--store", store.toString(), "--out", temp.resolve(name + ".md").toString(),
        "--json", temp.resolve(name + ".json").toString());
  }

  private static String masked(Path output, Path store) throws IOException {
    return Files.readString(output, StandardCharsets.UTF_8).replace(store.toString(), "STORE");
  }

  private static long count(Path store, String view) {
    String csv = CliRun.of("query", "--store", store.toString(), "--format", "csv", "select count(*) from " + view)
        .out();
    return Long.parseLong(csv.lines().skip(1).findFirst().orElseThrow());
  }
}
