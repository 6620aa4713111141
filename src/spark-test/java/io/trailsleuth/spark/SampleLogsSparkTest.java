package io.trailsleuth.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailsleuth.cli.Main;
import io.trailsleuth.ingest.FileScope;
import io.trailsleuth.pipeline.IngestSummary;
import io.trailsleuth.pipeline.TestStores;
import io.trailsleuth.store.DerivedTable;
import io.trailsleuth.store.StoreFormat;
import io.trailsleuth.store.StoreLayout;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The Spark ingest of the bundled archive: the same store as {@code ingest}, and the same report from it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class SampleLogsSparkTest {
  private static final Path SAMPLE_LOGS = Path.of("sample-logs");

  private Path temp;
  private Path ingested;
  private Path sparked;
  private IngestSummary expected;
  private IngestSummary actual;

  @BeforeAll
  void ingestBothWays(@TempDir Path directory) throws Exception {
    temp = directory;
    ingested = temp.resolve("ingested");
    sparked = temp.resolve("sparked");
    expected = TestStores.ingest(ingested, SAMPLE_LOGS);
    actual = LocalSpark.ingest(sparked, SAMPLE_LOGS);
  }

  @Test
  void storesExactlyWhatIngestStores() throws Exception {
    assertThat(actual.totals()).isEqualTo(expected.totals());
    assertThat(actual.unreadable()).isEqualTo(expected.unreadable());
    assertThat(TestStores.entries(sparked, actual)).isEqualTo(TestStores.entries(ingested, expected));
    assertThat(actual.rejectReasons()).isEqualTo(expected.rejectReasons());
    assertThat(actual.stored()).isPositive().isEqualTo(expected.stored());
    assertThat(StoreComparison.eventDifferences(ingested, sparked)).isEmpty();
    assertThat(StoreComparison.sourceDifferences(ingested, sparked)).isEmpty();
    assertThat(StoreComparison.rejectDifferences(ingested, sparked)).isEmpty();
    assertThat(StoreComparison.snapshotDifferences(ingested, sparked)).isEmpty();
    for (DerivedTable table : DerivedTable.values()) {
      String source = "read_parquet('%s/runs/*/" + table.fileName() + "')";
      assertThat(StoreComparison.columns(source, sparked)).as(table.fileName())
          .isEqualTo(StoreComparison.columns(source, ingested));
      assertThat(StoreComparison.derivedDifferences(table, ingested, sparked)).as(table.fileName()).isEmpty();
    }
    for (String table : new String[] {"events/**/*.parquet', hive_partitioning = false", "sources.parquet'", "rejects.parquet'",
        "snapshots.parquet'"}) {
      String source = "read_parquet('%s/runs/*/" + table + ")";
      assertThat(StoreComparison.columns(source, sparked)).as(table).isEqualTo(StoreComparison.columns(source, ingested));
    }
  }

  @Test
  void intoAVersionTwoStoreWritesFocusEventsWithTheRawIdentityAndEventsInDatePartitionsAsIngestDoes() throws Exception {
    Path olderIngested = temp.resolve("older-ingested");
    Path olderSparked = temp.resolve("older-sparked");
    for (Path store : List.of(olderIngested, olderSparked)) {
      Files.createDirectories(store);
      Files.writeString(store.resolve(StoreLayout.MARKER), StoreFormat.content(2));
    }

    TestStores.ingest(olderIngested, SAMPLE_LOGS);
    LocalSpark.ingest(olderSparked, SAMPLE_LOGS);

    String source = "read_parquet('%s/runs/*/" + DerivedTable.FOCUS_EVENTS.fileName() + "')";
    assertThat(StoreComparison.columns(source, olderSparked)).anyMatch(column -> column.startsWith("user_identity "))
        .isEqualTo(StoreComparison.columns(source, olderIngested));
    assertThat(StoreComparison.columns(source, sparked)).noneMatch(column -> column.startsWith("user_identity "));
    assertThat(StoreComparison.derivedDifferences(DerivedTable.FOCUS_EVENTS, olderIngested, olderSparked)).isEmpty();
    assertThat(StoreComparison.eventDifferences(olderIngested, olderSparked)).isEmpty();
    assertThat(Files.readString(olderSparked.resolve(StoreLayout.MARKER))).isEqualTo(StoreFormat.content(2));
    // an older store keeps its date partitions; a new one has its event files directly under events/
    assertThat(eventFiles(olderSparked)).isNotEmpty().allMatch(file -> file.getParent().getFileName().toString()
        .startsWith("event_date="));
    assertThat(eventFiles(sparked)).isNotEmpty().allMatch(file -> file.getParent().getFileName().toString()
        .equals("events"));
  }

  private static List<Path> eventFiles(Path store) throws IOException {
    try (Stream<Path> files = Files.walk(store.resolve("runs"))) {
      return files.filter(file -> file.toString().contains("/events/") && file.getFileName().toString().endsWith(".parquet")
          && !file.getFileName().toString().startsWith(".")).sorted().toList();
    }
  }

  @Test
  void analyzeGivesTheSameReportOnTheSparkStoreAsOnTheIngestStore() throws Exception {
    assertSameReports(analyze(sparked, temp.resolve("from-spark")), analyze(ingested, temp.resolve("from-ingest")));
  }

  @Test
  void analyzeOnTheSparkStoreReportsWhatInvestigateReportsApartFromTheDigestChecks() throws Exception {
    Path investigated = temp.resolve("investigate");
    Files.createDirectories(investigated);

    int investigate = cli("investigate", SAMPLE_LOGS.toString(), "--out", investigated.resolve("report.md").toString(),
        "--json", investigated.resolve("findings.json").toString());
    Path analyzed = analyze(sparked, temp.resolve("analyze"));

    assertThat(investigate).isZero();
    assertThat(ReportMasks.jsonWithoutDigestChecks(analyzed.resolve("findings.json")))
        .isEqualTo(ReportMasks.jsonWithoutDigestChecks(investigated.resolve("findings.json")));
    assertThat(ReportMasks.markdownWithoutDigestChecks(analyzed.resolve("report.md")))
        .isEqualTo(ReportMasks.markdownWithoutDigestChecks(investigated.resolve("report.md")));

    // with --verify, analyze checks the digests too: then it is investigate's report, line for line
    Path verified = analyze(sparked, temp.resolve("analyze-verified"), "--verify", SAMPLE_LOGS.toString());
    assertSameReports(verified, investigated);
  }

  @Test
  void analyzeNeedsOnlyTheSmallTablesOfTheSparkStore() throws Exception {
    Path small = temp.resolve("small");
    try (Stream<Path> files = Files.walk(sparked)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String relative = sparked.relativize(file).toString();
        if (!relative.contains("/events/") && !relative.startsWith(".")) {
          Files.createDirectories(small.resolve(relative).getParent());
          Files.copy(file, small.resolve(relative));
        }
      }
    }

    assertSameReports(analyze(small, temp.resolve("from-small")), analyze(sparked, temp.resolve("from-whole")));
  }

  @Test
  void prunesTheSameFilesByKeyAsIngest() throws Exception {
    FileScope scope = new FileScope(Instant.parse("2026-03-03T12:00:00Z"), Instant.parse("2026-03-03T18:00:00Z"),
        Set.of("111122223333"), Set.of("eu-west-1"));

    IngestSummary narrowIngest = TestStores.ingest(temp.resolve("narrow-ingested"), scope, SAMPLE_LOGS);
    IngestSummary narrowSpark = LocalSpark.ingest(temp.resolve("narrow-sparked"), scope, SAMPLE_LOGS);

    assertThat(narrowSpark.totals()).isEqualTo(narrowIngest.totals());
    assertThat(narrowSpark.unreadable()).isEqualTo(narrowIngest.unreadable());
    assertThat(TestStores.entries(temp.resolve("narrow-sparked"), narrowSpark))
        .isEqualTo(TestStores.entries(temp.resolve("narrow-ingested"), narrowIngest));
    assertThat(narrowSpark.filesByStatus().get("out-of-scope")).isGreaterThan(500);
    assertThat(narrowSpark.stored()).isPositive().isLessThan(actual.stored());
  }

  /** The findings JSON is byte-identical, the markdown too apart from the line naming the command. */
  private static void assertSameReports(Path actual, Path expected) throws Exception {
    assertThat(ReportMasks.json(actual.resolve("findings.json"))).isEqualTo(ReportMasks.json(expected.resolve("findings.json")));
    assertThat(ReportMasks.markdown(actual.resolve("report.md"))).isEqualTo(ReportMasks.markdown(expected.resolve("report.md")));
  }

  /** Runs {@code analyze} on a store, with any further options; returns the directory with report.md and findings.json. */
  private static Path analyze(Path store, Path outputs, String... options) throws Exception {
    Files.createDirectories(outputs);
    List<String> arguments = new ArrayList<>(List.of("analyze", "--store", store.toString(),
        "--out", outputs.resolve("report.md").toString(), "--json", outputs.resolve("findings.json").toString()));
    arguments.addAll(List.of(options));
    int code = cli(arguments.toArray(String[]::new));
    assertThat(code).isZero();
    return outputs;
  }

  private static int cli(String... args) {
    return Main.run(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), args);
  }
}
