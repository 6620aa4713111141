package io.trailsleuth.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The commit marker's text round-trips, and a reader takes a run only when the marker matches its files. */
final class RunCommitTest {
  private static final Map<String, Long> FILES = Map.of("events/event_date=2026-03-01/part-0.parquet", 1200L,
      "sources.parquet", 300L, "focus-events.parquet", 40L);
  private static final String RUN = "/store/runs/run-000002";

  @Test
  void roundTripsAndWritesTheSameBytesForTheSameRun() {
    RunCommit commit = new RunCommit("run-000002", new TreeMap<>(FILES));

    assertThat(RunCommit.parse(commit.toJson())).isEqualTo(commit);
    assertThat(new RunCommit("run-000002", FILES).toJson()).isEqualTo(commit.toJson());
    assertThat(commit.toJson()).startsWith("{\"format\": \"trailsleuth-run-commit\", \"runId\": \"run-000002\"")
        .contains("\n  {\"path\":\"events/event_date=2026-03-01/part-0.parquet\",\"bytes\":1200},\n");
  }

  @Test
  void readsExactlyTheListedFilesOfAMatchingRun() {
    Map<String, Long> present = new TreeMap<>(FILES);
    present.put("events/event_date=2026-03-01/part-9.parquet", 5L);

    RunState state = RunCommit.check(RUN, "run-000002", StoreFormat.CURRENT, marker("run-000002", FILES), present);

    assertThat(state).isEqualTo(new RunState.Committed(RUN, new TreeMap<>(FILES).keySet().stream().toList()));
  }

  @Test
  void ignoresARunWithoutMarkerOrWithAMarkerThatDoesNotMatch() {
    Map<String, Long> shorter = new TreeMap<>(FILES);
    shorter.put("sources.parquet", 299L);
    Map<String, Long> missing = new TreeMap<>(FILES);
    missing.remove("focus-events.parquet");

    assertThat(reason(null, FILES)).contains("has no commit.json");
    assertThat(reason(marker("run-000001", FILES), FILES)).isEqualTo("its commit.json is the marker of run-000001");
    assertThat(reason(marker("run-000002", FILES), shorter))
        .isEqualTo("sources.parquet has 299 bytes where its commit.json says 300");
    assertThat(reason(marker("run-000002", FILES), missing))
        .isEqualTo("focus-events.parquet, listed in its commit.json, is missing");
    assertThat(reason("{\"format\": \"trailsleuth-run-commit\", \"runId\"", FILES))
        .startsWith("its commit.json is damaged");
  }

  @Test
  void readsACopyOfTheSmallTablesWithoutTheEventFilesOfAVersionFourRun() {
    Map<String, Long> files = new TreeMap<>(FILES);
    files.remove("events/event_date=2026-03-01/part-0.parquet");
    files.put("events/part-0.parquet", 1200L);
    files.put("events/part-1.parquet", 800L);
    Map<String, Long> smallTables = new TreeMap<>(files);
    smallTables.remove("events/part-0.parquet");
    smallTables.remove("events/part-1.parquet");
    Map<String, Long> partial = new TreeMap<>(files);
    partial.remove("events/part-1.parquet");

    RunState state = RunCommit.check(RUN, "run-000002", StoreFormat.CURRENT, marker("run-000002", files), smallTables);

    assertThat(state).isEqualTo(new RunState.Committed(RUN, new TreeMap<>(smallTables).keySet().stream().toList()));
    assertThat(reason(marker("run-000002", files), partial))
        .isEqualTo("events/part-1.parquet, listed in its commit.json, is missing");
  }

  @Test
  void readsACopyOfTheSmallTablesWithoutTheEventFiles() {
    Map<String, Long> smallTables = new TreeMap<>(FILES);
    smallTables.remove("events/event_date=2026-03-01/part-0.parquet");

    RunState state = RunCommit.check(RUN, "run-000002", StoreFormat.CURRENT, marker("run-000002", FILES), smallTables);

    assertThat(state).isEqualTo(new RunState.Committed(RUN, new TreeMap<>(smallTables).keySet().stream().toList()));
  }

  @Test
  void ignoresARunMissingSomeButNotAllOfItsEventFiles() {
    Map<String, Long> listed = new TreeMap<>(FILES);
    listed.put("events/event_date=2026-03-02/part-0.parquet", 900L);
    Map<String, Long> partial = new TreeMap<>(listed);
    partial.remove("events/event_date=2026-03-02/part-0.parquet");

    assertThat(reason(marker("run-000002", listed), partial))
        .isEqualTo("events/event_date=2026-03-02/part-0.parquet, listed in its commit.json, is missing");
  }

  @Test
  void takesParquetFilesDirectlyUnderEventsOrInOnePartitionAsEventFiles() {
    assertThat(RunCommit.isEventFile("events/part-0.parquet")).isTrue();
    assertThat(RunCommit.isEventFile("events/event_date=2026-03-01/part-0.parquet")).isTrue();
    assertThat(RunCommit.isEventFile("events/_temporary/0/part-0.parquet")).isFalse();
    assertThat(RunCommit.isEventFile("events/_temporary/part-0.parquet")).isFalse();
    assertThat(RunCommit.isEventFile("events/_SUCCESS")).isFalse();
    assertThat(RunCommit.isEventFile("events/.part-0.parquet.crc")).isFalse();
    assertThat(RunCommit.isEventFile("events/.part-0.parquet")).isFalse();
    assertThat(RunCommit.isEventFile("events//part-0.parquet")).isFalse();
    assertThat(RunCommit.isEventFile("other/part-0.parquet")).isFalse();
    assertThat(RunCommit.isEventFile("events/event_date=2026-03-01/_SUCCESS.parquet")).isFalse();
    assertThat(RunCommit.isEventFile("events/event_date=2026-03-01/.part-0.parquet")).isFalse();
    assertThat(RunCommit.isEventFile("events/event_date=2026-03-01/part-0.parquet.crc")).isFalse();
    assertThat(RunCommit.isEventFile("focus-events.parquet")).isFalse();
  }

  @Test
  void readsEveryFileOfAVersionOneRun() {
    RunState state = RunCommit.check(RUN, "run-000002", StoreFormat.WITHOUT_COMMIT_MARKERS, null, FILES);

    assertThat(state).isEqualTo(new RunState.Committed(RUN, new TreeMap<>(FILES).keySet().stream().toList()));
  }

  @Test
  void refusesAMarkerThatIsNotOne() {
    assertThatThrownBy(() -> RunCommit.parse("{\"runId\": \"run-000001\"}"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a run commit marker");
  }

  private static String marker(String runId, Map<String, Long> files) {
    return new RunCommit(runId, new TreeMap<>(files)).toJson();
  }

  private static String reason(String marker, Map<String, Long> present) {
    RunState state = RunCommit.check(RUN, "run-000002", StoreFormat.CURRENT, marker, present);
    assertThat(state).isInstanceOf(RunState.Ignored.class);
    return ((RunState.Ignored) state).reason();
  }
}
