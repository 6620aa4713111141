package io.trailsleuth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailsleuth.model.EventColumn;
import io.trailsleuth.store.RunCommit;
import io.trailsleuth.store.StoreFormat;
import io.trailsleuth.store.StoreLayout;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.nio.file.StandardCopyOption;
import java.util.zip.GZIPInputStream;
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
    // the events view computes event_date from event_time for every layout: the day each partition directory names
    String partitionDays = "select count(*) as events, count(*) filter (where event_date <> event_time::date) as moved"
        + " from read_parquet('%s/runs/*/events/*/*.parquet', hive_partitioning = true)".formatted(older);
    assertThat(CliRun.of("query", "--store", older.toString(), "--format", "csv", partitionDays).out().lines())
        .containsExactly("events,moved", "5008,0");
    String days = "select event_date, count(*) as events from events group by 1 order by 1";
    List<String> olderDays = CliRun.of("query", "--store", older.toString(), "--format", "csv", days).out().lines().toList();
    assertThat(olderDays).hasSizeGreaterThan(2).first().isEqualTo("event_date,events");
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
  void versionThreeRunThatRepeatsItsOwnEventsKeepsOneEventDateColumnAndAnalyses() throws IOException {
    Path twice = temp.resolve("twice");
    Path log = Files.list(FIRST_SCENARIO.resolve("o-exampleorg1/111122223333/CloudTrail/eu-central-1/2026/03/02"))
        .sorted().findFirst().orElseThrow();
    Files.createDirectories(twice.resolve("a"));
    Files.createDirectories(twice.resolve("b"));
    Files.copy(log, twice.resolve("a/x.json.gz"));
    try (InputStream in = new GZIPInputStream(Files.newInputStream(log))) {
      Files.write(twice.resolve("b/x.json"), in.readAllBytes());
    }
    Path older = ingestAsVersion(3, "older", twice);
    assertThat(CliRun.of("ingest", "-q", REGIONAL_SCENARIO.toString(), "--store", older.toString()).exitCode())
        .isZero();

    // the dropped copy made ingest rewrite the run's file, which keeps the store's columns, without the partition's day
    String dropped = "select sum(duplicates) as duplicates from sources";
    assertThat(CliRun.of("query", "--store", older.toString(), "--format", "csv", dropped).out().lines())
        .containsExactly("duplicates", "1");
    String files = "read_parquet('%s/runs/*/events/*/*.parquet', hive_partitioning = false, union_by_name = true)";
    assertThat(eventDateColumns(older, files.formatted(older))).isEqualTo("0");
    assertThat(eventDateColumns(older, "events")).isEqualTo("1");
    assertThat(eventDateColumns(older, "focus_events")).isEqualTo("1");
    CliRun analyze = analyze(older, "older");
    assertThat(analyze.exitCode()).as(analyze.err()).isZero();
  }

  @Test
  void readsAndAddsToAVersionThreeStoreWhoseRewrittenFileHoldsTheDayAsAColumn() throws Exception {
    Path older = ingestAsVersion(3, "older", FIRST_SCENARIO);
    Path current = ingest("current", FIRST_SCENARIO);
    // what a deduplicating ingest before store format 4 left: a file that holds its partition's event_date as a column
    Path run = older.resolve("runs/run-000001");
    Path file;
    try (Stream<Path> files = Files.walk(run.resolve("events"))) {
      file = files.filter(f -> f.toString().endsWith(".parquet")).sorted().findFirst().orElseThrow();
    }
    Path rewritten = file.resolveSibling("rewritten.tmp");
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement()) {
      statement.execute("COPY (SELECT * FROM read_parquet('%s', hive_partitioning = true)) TO '%s' (FORMAT parquet)"
          .formatted(file, rewritten));
    }
    Files.move(rewritten, file, StandardCopyOption.REPLACE_EXISTING);
    Files.writeString(run.resolve(RunCommit.FILE_NAME), RunCommit.of("run-000001", run).toJson());
    assertThat(eventDateColumns(older, "read_parquet('%s', hive_partitioning = false)".formatted(file)))
        .isEqualTo("1");

    assertThat(eventDateColumns(older, "events")).isEqualTo("1");
    String days = "select event_date, count(*) as events from events group by 1 order by 1";
    assertThat(CliRun.of("query", "--store", older.toString(), "--format", "csv", days).out().lines())
        .containsExactlyElementsOf(CliRun.of("query", "--store", current.toString(), "--format", "csv", days).out()
            .lines().toList());
    // a new run deduplicates against that file too
    CliRun again = CliRun.of("ingest", "-q", FIRST_SCENARIO.toString(), REGIONAL_SCENARIO.toString(), "--store",
        older.toString());
    assertThat(again.exitCode()).as(again.err()).isZero();
    CliRun currentAgain = CliRun.of("ingest", "-q", FIRST_SCENARIO.toString(), REGIONAL_SCENARIO.toString(),
        "--store", current.toString());
    assertThat(again.out().replace(older.toString(), "STORE"))
        .isEqualTo(currentAgain.out().replace(current.toString(), "STORE"));
    assertThat(analyze(older, "older").exitCode()).isZero();
    assertThat(analyze(current, "current").exitCode()).isZero();
    assertThat(masked(temp.resolve("older.md"), older)).isEqualTo(masked(temp.resolve("current.md"), current));
  }

  /** How many event_date columns a table or view of the store has. */
  private static String eventDateColumns(Path store, String table) {
    CliRun run = CliRun.of("query", "--store", store.toString(), "--format", "csv",
        "select count(*) from (describe select * from " + table + ") where column_name like 'event_date%'");
    assertThat(run.exitCode()).as(run.err()).isZero();
    return run.out().lines().skip(1).findFirst().orElseThrow();
  }

  @Test
  void versionOneStoreWithoutMarkersGivesTheSameReportAndStaysVersionOne() throws IOException {
    Path current = ingest("current", FIRST_SCENARIO);
    Path old = ingestAsVersion(1, "old", FIRST_SCENARIO);
    removeCommitMarkers(old);

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

    // every event column and the events view's event_date, less the raw userIdentity from version 3 on; each run's
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
    Path old = ingestAsVersion(1, "old", FIRST_SCENARIO);
    CliRun.of("ingest", "-q", REGIONAL_SCENARIO.toString(), "--store", old.toString());
    removeCommitMarkers(old);

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

  /** A store made with an older format version's marker: ingest writes its runs as that version does. */
  private Path ingestAsVersion(int version, String name, Path logs) throws IOException {
    Path store = temp.resolve(name);
    Files.createDirectories(store);
    Files.writeString(store.resolve(StoreLayout.MARKER), StoreFormat.content(version), StandardCharsets.UTF_8);
    assertThat(CliRun.of("ingest", "-q", logs.toString(), "--store", store.toString()).exitCode()).isZero();
    return store;
  }

  /** What a store written before commit markers looks like: no commit.json in any run (the marker says version 1). */
  private static void removeCommitMarkers(Path store) throws IOException {
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
