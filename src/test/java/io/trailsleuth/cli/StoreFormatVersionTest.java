package io.trailsleuth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailsleuth.model.EventColumn;
import io.trailsleuth.store.RunCommit;
import io.trailsleuth.store.StoreFormat;
import io.trailsleuth.store.StoreLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stores of an older format version (1: before commit markers, 2: focus events with the raw identity, 3: events in date
 * partitions) are read as before and keep their version and layout when an ingest adds to them; a newer or damaged
 * version is refused with a clear message.
 */
final class StoreFormatVersionTest {
  private static final Path FIRST_SCENARIO = Path.of("sample-logs/AWSLogs");
  private static final Path REGIONAL_SCENARIO = Path.of("sample-logs/regional-download/AWSLogs");

  @TempDir
  Path temp;

  @Test
  void newStoresAreVersionFourAndEveryRunHasItsMarkerAndEventFilesWithoutDatePartitions() throws IOException {
    Path store = ingest("store", FIRST_SCENARIO);

    assertThat(Files.readString(store.resolve(StoreLayout.MARKER))).isEqualTo(StoreFormat.content(4));
    RunCommit commit = RunCommit.parse(Files.readString(store.resolve("runs/run-000001/commit.json")));
    assertThat(commit.runId()).isEqualTo("run-000001");
    assertThat(commit.files()).containsKeys("sources.parquet", "rejects.parquet", "focus-events.parquet",
            "events/part-0.parquet")
        .isEqualTo(RunCommit.filesIn(store.resolve("runs/run-000001")));
    assertThat(commit.files().keySet().stream().filter(RunCommit::isEventFile))
        .allMatch(file -> file.matches("events/part-\\d+\\.parquet"));
  }

  @Test
  void versionThreeStoreKeepsDatePartitionsInEveryRunAndReadsAsAVersionFourStoreDoes() throws IOException {
    Path current = ingest("current", FIRST_SCENARIO);
    assertThat(CliRun.of("ingest", "-q", REGIONAL_SCENARIO.toString(), "--store", current.toString()).exitCode())
        .isZero();
    Path older = temp.resolve("older");
    Files.createDirectories(older);
    Files.writeString(older.resolve(StoreLayout.MARKER), StoreFormat.content(3), StandardCharsets.UTF_8);
    for (Path logs : List.of(FIRST_SCENARIO, REGIONAL_SCENARIO)) {
      assertThat(CliRun.of("ingest", "-q", logs.toString(), "--store", older.toString()).exitCode()).isZero();
    }

    for (String run : List.of("run-000001", "run-000002")) {
      RunCommit commit = RunCommit.parse(Files.readString(older.resolve("runs/" + run + "/commit.json")));
      assertThat(commit.files().keySet().stream().filter(RunCommit::isEventFile)).as(run).isNotEmpty()
          .allMatch(file -> file.matches("events/event_date=\\d{4}-\\d{2}-\\d{2}/part-\\d+\\.parquet"));
    }
    assertThat(Files.readString(older.resolve(StoreLayout.MARKER))).isEqualTo(StoreFormat.content(3));
    // the events view computes event_date for every layout: the same days and counts as the partition directories
    String days = "select event_date, count(*) as events, bool_and(event_time::date = event_date) as same_day"
        + " from events group by 1 order by 1";
    List<String> olderDays = CliRun.of("query", "--store", older.toString(), "--format", "csv", days).out().lines().toList();
    assertThat(olderDays).hasSizeGreaterThan(2).first().isEqualTo("event_date,events,same_day");
    assertThat(olderDays.subList(1, olderDays.size())).allMatch(line -> line.endsWith(",true"));
    assertThat(CliRun.of("query", "--store", current.toString(), "--format", "csv", days).out().lines())
        .containsExactlyElementsOf(olderDays);
    CliRun olderRun = analyze(older, "older");
    CliRun currentRun = analyze(current, "current");
    assertThat(olderRun.exitCode()).as(olderRun.err()).isZero();
    assertThat(currentRun.exitCode()).as(currentRun.err()).isZero();
    assertThat(masked(temp.resolve("older.md"), older)).isEqualTo(masked(temp.resolve("current.md"), current));
    assertThat(masked(temp.resolve("older.json"), older)).isEqualTo(masked(temp.resolve("current.json"), current));
  }

  @Test
  void versionOneStoreWithoutMarkersGivesTheSameReportAndStaysVersionOne() throws IOException {
    Path current = ingest("current", FIRST_SCENARIO);
    Path old = ingest("old", FIRST_SCENARIO);
    makeVersionOne(old);

    CliRun currentRun = analyze(current, "current");
    CliRun oldRun = analyze(old, "old");

    assertThat(oldRun.exitCode()).isZero();
    assertThat(oldRun.err()).isEmpty();
    assertThat(masked(temp.resolve("old.md"), old)).isEqualTo(masked(temp.resolve("current.md"), current));
    assertThat(masked(temp.resolve("old.json"), old)).isEqualTo(masked(temp.resolve("current.json"), current));

    CliRun added = CliRun.of("ingest", "-q", REGIONAL_SCENARIO.toString(), "--store", old.toString());
    assertThat(added.exitCode()).isZero();
    assertThat(added.out()).contains("(run-000002)");
    assertThat(Files.readString(old.resolve(StoreLayout.MARKER))).isEqualTo(StoreFormat.content(1));
    CliRun runs = CliRun.of("query", "--store", old.toString(), "--format", "csv",
        "select run_id, count(*) > 0 as has_files from sources group by 1 order by 1");
    assertThat(runs.out().lines()).containsExactly("run_id,has_files", "run-000001,true", "run-000002,true");
  }

  @Test
  void versionThreeFocusEventsLeaveOutTheRawIdentityAndAVersionTwoStoreKeepsItInEveryRun() throws IOException {
    Path current = ingest("current", FIRST_SCENARIO);
    Path older = temp.resolve("older");
    Files.createDirectories(older);
    Files.writeString(older.resolve(StoreLayout.MARKER), StoreFormat.content(2), StandardCharsets.UTF_8);
    assertThat(CliRun.of("ingest", "-q", FIRST_SCENARIO.toString(), "--store", older.toString()).exitCode()).isZero();
    assertThat(CliRun.of("ingest", "-q", REGIONAL_SCENARIO.toString(), "--store", older.toString()).exitCode())
        .isZero();

    // every event column and the partition's event_date, less the raw userIdentity from version 3 on; each run's
    // file on its own (DESCRIBE of a glob shows the first file's schema only)
    String columns = "select count(*) filter (where column_name = 'user_identity') as raw, count(*) as columns"
        + " from (describe select * from read_parquet('%s'))";
    for (Path store : List.of(current.resolve("runs/run-000001"), older.resolve("runs/run-000001"),
        older.resolve("runs/run-000002"))) {
      String expected = store.startsWith(current) ? "0," + EventColumn.ALL.size() : "1," + (EventColumn.ALL.size() + 1);
      assertThat(CliRun.of("query", "--store", current.toString(), "--format", "csv",
          columns.formatted(store.resolve("focus-events.parquet"))).out().lines()).as(store.toString())
          .containsExactly("raw,columns", expected);
    }
    assertThat(Files.readString(older.resolve(StoreLayout.MARKER))).isEqualTo(StoreFormat.content(2));
    CliRun olderRun = analyze(older, "older");
    assertThat(olderRun.exitCode()).as(olderRun.err()).isZero();
  }

  @Test
  void versionOneStoreReadsARunWithoutMarkerAsBefore() throws IOException {
    Path old = ingest("old", FIRST_SCENARIO);
    CliRun.of("ingest", "-q", REGIONAL_SCENARIO.toString(), "--store", old.toString());
    makeVersionOne(old);

    CliRun runs = CliRun.of("query", "--store", old.toString(), "--format", "csv",
        "select count(distinct run_id) as runs from sources");

    assertThat(runs.out().lines()).containsExactly("runs", "2");
    assertThat(runs.err()).isEmpty();
  }

  @Test
  void refusesAStoreOfANewerVersionWithoutTouchingIt() throws IOException {
    Path store = ingest("store", FIRST_SCENARIO);
    Files.writeString(store.resolve(StoreLayout.MARKER), StoreFormat.content(5));

    CliRun analyze = CliRun.of("analyze", "--store", store.toString());
    CliRun ingest = CliRun.of("ingest", "-q", REGIONAL_SCENARIO.toString(), "--store", store.toString());

    String message = store.resolve(StoreLayout.MARKER) + " declares store format version 5; this trailsleuth reads "
        + "versions 1 to 4";
    assertThat(analyze.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(analyze.err()).contains(message);
    assertThat(ingest.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(ingest.err()).contains(message);
    assertThat(store.resolve("runs/run-000002")).doesNotExist();
  }

  @Test
  void refusesADamagedMarker() throws IOException {
    Path store = ingest("store", FIRST_SCENARIO);
    Files.writeString(store.resolve(StoreLayout.MARKER), "{\"format\": \"trailsleuth-case-store\", \"vers");

    CliRun query = CliRun.of("query", "--store", store.toString(), "select 1");

    assertThat(query.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(query.err()).contains(store.resolve(StoreLayout.MARKER) + " is damaged");
  }

  private Path ingest(String name, Path logs) {
    Path store = temp.resolve(name);
    assertThat(CliRun.of("ingest", "-q", logs.toString(), "--store", store.toString()).exitCode()).isZero();
    return store;
  }

  /** What a store written before commit markers looks like: version 1, no commit.json in any run. */
  private static void makeVersionOne(Path store) throws IOException {
    Files.writeString(store.resolve(StoreLayout.MARKER), StoreFormat.content(1), StandardCharsets.UTF_8);
    try (Stream<Path> runs = Files.list(store.resolve("runs"))) {
      for (Path run : runs.toList()) {
        Files.delete(run.resolve(RunCommit.FILE_NAME));
      }
    }
  }

  private CliRun analyze(Path store, String name) {
    return CliRun.of("analyze", "--store", store.toString(), "--out", temp.resolve(name + ".md").toString(),
        "--json", temp.resolve(name + ".json").toString());
  }

  private static String masked(Path output, Path store) throws IOException {
    return Files.readString(output, StandardCharsets.UTF_8).replace(store.toString(), "STORE");
  }
}
