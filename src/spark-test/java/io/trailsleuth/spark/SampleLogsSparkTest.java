package io.trailsleuth.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailsleuth.cli.Main;
import io.trailsleuth.pipeline.IngestSummary;
import io.trailsleuth.pipeline.TestStores;
import io.trailsleuth.store.DerivedTable;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Spark ingest of the bundled archive: the same store as {@code ingest}, and the same report from it. */
final class SampleLogsSparkTest {
  private static final Path SAMPLE_LOGS = Path.of("sample-logs");

  @TempDir
  Path temp;

  @Test
  void storesExactlyWhatIngestStores() throws Exception {
    Path ingested = temp.resolve("ingested");
    Path sparked = temp.resolve("sparked");
    IngestSummary expected = TestStores.ingest(ingested, SAMPLE_LOGS);

    IngestSummary actual = LocalSpark.ingest(sparked, SAMPLE_LOGS);

    assertThat(actual.entries()).isEqualTo(expected.entries());
    assertThat(actual.rejectReasons()).isEqualTo(expected.rejectReasons());
    assertThat(StoreComparison.eventDifferences(ingested, sparked)).isEmpty();
    assertThat(StoreComparison.sourceDifferences(ingested, sparked)).isEmpty();
    assertThat(StoreComparison.rejectDifferences(ingested, sparked)).isEmpty();
    for (DerivedTable table : DerivedTable.values()) {
      String source = "read_parquet('%s/runs/*/" + table.fileName() + "')";
      assertThat(StoreComparison.columns(source, sparked)).as(table.fileName())
          .isEqualTo(StoreComparison.columns(source, ingested));
      assertThat(StoreComparison.derivedDifferences(table, ingested, sparked)).as(table.fileName()).isEmpty();
    }
    String events = "read_parquet('%s/runs/*/events/*/*.parquet', hive_partitioning = true)";
    assertThat(StoreComparison.columns(events, sparked)).isEqualTo(StoreComparison.columns(events, ingested));
  }

  @Test
  void analyzeGivesTheSameReportOnTheSparkStoreAsOnTheIngestStore() throws Exception {
    Path ingested = temp.resolve("ingested");
    Path sparked = temp.resolve("sparked");
    TestStores.ingest(ingested, SAMPLE_LOGS);
    LocalSpark.ingest(sparked, SAMPLE_LOGS);

    Path fromIngest = analyze(ingested, temp.resolve("from-ingest"));
    Path fromSpark = analyze(sparked, temp.resolve("from-spark"));

    assertThat(ReportMasks.json(fromSpark.resolve("findings.json")))
        .isEqualTo(ReportMasks.json(fromIngest.resolve("findings.json")));
    assertThat(ReportMasks.markdown(fromSpark.resolve("report.md")))
        .isEqualTo(ReportMasks.markdown(fromIngest.resolve("report.md")));
  }

  @Test
  void analyzeOnTheSparkStoreReportsWhatInvestigateReportsApartFromTheDigestChecks() throws Exception {
    Path sparked = temp.resolve("sparked");
    LocalSpark.ingest(sparked, SAMPLE_LOGS);
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
  }

  /** Runs {@code analyze} on a store; returns the directory with report.md and findings.json. */
  private static Path analyze(Path store, Path outputs) throws Exception {
    Files.createDirectories(outputs);
    int code = cli("analyze", "--store", store.toString(), "--out", outputs.resolve("report.md").toString(),
        "--json", outputs.resolve("findings.json").toString());
    assertThat(code).isZero();
    return outputs;
  }

  private static int cli(String... args) {
    return Main.run(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), args);
  }
}
