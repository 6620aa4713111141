package io.trailsleuth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailsleuth.pipeline.IngestPipeline;
import io.trailsleuth.pipeline.IngestSummary;
import io.trailsleuth.store.SourceEntry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

final class IngestSummaryPrinterTest {
  @Test
  void namesTenUnreadableInputsAndCountsTheRest() {
    List<SourceEntry> entries = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      entries.add(unreadable("logs/" + (char) ('a' + i) + ".json"));
    }
    entries.add(ingested("logs/good.json", 3));
    IngestSummary summary = IngestSummary.of("run-000001", entries, 0, new TreeMap<>());

    String printed = print(summary);

    assertThat(printed).contains("files:      13 found = 13 read this run + 0 not read again")
        .contains("  of the 13 read: 1 ingested + 12 unreadable")
        .contains("records:    15 read = 3 stored + 0 duplicates + 12 rejected")
        .contains("  not read: cannot read logs/a.json").contains("  not read: cannot read logs/j.json")
        .doesNotContain("logs/k.json")
        .contains("  not read: 2 more (see the sources view)");
  }

  @Test
  void saysEveryFileWasOutOfScopeWhenTheScopeLeftOutAll() {
    IngestSummary summary = IngestSummary.of("", List.of(outOfScope("logs/a.json"), outOfScope("logs/b.json")), 0,
        new TreeMap<>());

    assertThat(summary.nothingReadable()).isTrue();
    assertThat(IngestSummaryPrinter.nothingRead(summary, List.of("archive")))
        .isEqualTo("nothing could be read from archive: every file is outside --since, --until, --account and --region");
  }

  @Test
  void saysNoFileWasFoundWhenThereWasNone() {
    IngestSummary summary = IngestSummary.of("", List.of(), 0, new TreeMap<>());

    assertThat(IngestSummaryPrinter.nothingRead(summary, List.of("empty")))
        .isEqualTo("nothing could be read from empty: no input files were found there");
  }

  @Test
  void saysFilesWereRejectedWhenSomeWereInScopeButNoneReadable() {
    IngestSummary summary = IngestSummary.of("run-000001", List.of(outOfScope("logs/a.json"), unreadable("logs/b.json")),
        0, new TreeMap<>());

    assertThat(IngestSummaryPrinter.nothingRead(summary, List.of("archive")))
        .isEqualTo("nothing could be read from archive: every file was rejected or could not be read, for the reasons"
            + " counted above");
  }

  @Test
  void doesNotCallSnapshotFilesUnreadable() {
    IngestSummary summary = IngestSummary.of("run-000001", List.of(snapshot("config/history.json")), 0,
        new TreeMap<>());

    assertThat(summary.nothingReadable()).isFalse();
    assertThat(summary.nothingUsable()).isFalse();
  }

  private static String print(IngestSummary summary) {
    StringWriter text = new StringWriter();
    IngestSummaryPrinter.print(summary, "store", "store", new PrintWriter(text, true));
    return text.toString();
  }

  private static SourceEntry unreadable(String path) {
    return new SourceEntry("in", path, 0, "", 0, "none", "unreadable", "unreadable", 1, 0, 0, 1, null, null,
        "cannot read " + path);
  }

  private static SourceEntry snapshot(String path) {
    return new SourceEntry("in", path, 100, "b".repeat(64), 1000, "none", "aws-config", "snapshot", 0, 0, 0, 0, null,
        null, "");
  }

  private static SourceEntry ingested(String path, long events) {
    return new SourceEntry("in", path, 100, "a".repeat(64), 1000, "none", "records-array", "ingested", events, events, 0,
        0, 1L, 2L, "");
  }

  private static SourceEntry outOfScope(String path) {
    return new SourceEntry("in", path, 100, "", 0, "none", IngestPipeline.NOT_READ_SHAPE, IngestPipeline.OUT_OF_SCOPE,
        0, 0, 0, 0, null, null, "not read: before --since");
  }
}
