package io.trailsleuth.pipeline;

import static io.trailsleuth.pipeline.TestStores.copy;
import static io.trailsleuth.pipeline.TestStores.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.trailsleuth.store.SourceEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An archive given twice in one run, or its events delivered twice under other names, loses nothing and stores each event once. */
final class RepeatedInputTest {
  @TempDir
  Path temp;

  @Test
  void readsAnArchiveGivenUnderTwoRootsOnceAndKeepsEveryEvent() throws Exception {
    Path first = temp.resolve("first");
    Path second = temp.resolve("second");
    copy("trail-records/compact.json", first, "AWSLogs/trail.json");
    copy("trail-records/compact.json", second, "AWSLogs/trail.json");
    copy("json-lines/records.jsonl", second, "AWSLogs/more.jsonl");
    Path store = temp.resolve("store");

    IngestSummary summary = TestStores.ingest(store, first, second);

    assertThat(summary.unchangedFiles()).as("the byte-identical copy under the second root").isEqualTo(1);
    assertThat(TestStores.entries(store, summary)).extracting(SourceEntry::inputRoot, SourceEntry::sourceFile)
        .containsExactly(
            tuple(first.toString(), "AWSLogs/trail.json"),
            tuple(second.toString(), "AWSLogs/more.jsonl"));
    long distinct = count(store, "SELECT count(DISTINCT event_id) FROM events");
    assertThat(distinct).isGreaterThan(0);
    assertThat(count(store, "SELECT count(*) FROM events")).isEqualTo(distinct).isEqualTo(summary.stored());
    assertThat(summary.recordsRead()).isEqualTo(summary.stored() + summary.duplicates() + summary.rejected());
  }

  @Test
  void keepsTheFirstCopyByFileNameWhenTheSameEventsArriveUnderTwoNames() throws Exception {
    Path archive = temp.resolve("archive");
    copy("trail-records/compact.json", archive, "b-trail/trail.json");
    copy("trail-records/compact.json", archive, "a-trail/trail.json");
    Path store = temp.resolve("store");

    IngestSummary summary = TestStores.ingest(store, archive);

    long events = count(store, "SELECT count(*) FROM events");
    assertThat(summary.stored()).isEqualTo(events);
    assertThat(summary.duplicates()).isEqualTo(events);
    assertThat(count(store, "SELECT count(*) FROM events WHERE source_file = 'a-trail/trail.json'")).isEqualTo(events);
    assertThat(count(store, "SELECT sum(duplicates) FROM sources WHERE source_file = 'b-trail/trail.json'")).isEqualTo(events);
  }

  @Test
  void givesTheRejectOfACopyThatCouldNotBeReadNoHashOfAnotherRootsCopy() throws Exception {
    Path first = temp.resolve("first");
    Path second = temp.resolve("second");
    copy("trail-records/compact.json", first, "AWSLogs/trail.json");
    Files.createDirectories(second.resolve("AWSLogs"));
    // under the second root the path is a link to nothing: that copy cannot be read
    Files.createSymbolicLink(second.resolve("AWSLogs/trail.json"), temp.resolve("missing.json"));
    Path store = temp.resolve("store");

    IngestSummary summary = TestStores.ingest(store, first, second);

    String readCopy = (String) TestStores.value(store, "SELECT sha256 FROM sources WHERE input_root = ?", first.toString());
    assertThat(readCopy).hasSize(64);
    assertThat(summary.rejected()).isEqualTo(1);
    assertThat(TestStores.value(store, "SELECT source_sha256 FROM rejects WHERE source_file = 'AWSLogs/trail.json'"))
        .as("the hash of the file that could not be read, not of the other root's copy").isEqualTo("");
  }
}
