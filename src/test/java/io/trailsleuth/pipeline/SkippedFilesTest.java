package io.trailsleuth.pipeline;

import static io.trailsleuth.pipeline.TestStores.copy;
import static io.trailsleuth.pipeline.TestStores.count;
import static io.trailsleuth.pipeline.TestStores.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import io.trailsleuth.store.SourceEntry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Digests, Config files, other JSON and stray files are recognised, counted and skipped, never rejected. */
final class SkippedFilesTest {
  @TempDir
  Path temp;

  @Test
  void skipsDigestAndOtherJsonFilesAndReadsConfigAndCliSnapshotsAsEvidence() throws Exception {
    Path archive = temp.resolve("archive");
    copy("digest/digest.json", archive,
        "AWSLogs/210987654321/CloudTrail-Digest/eu-west-1/2025/03/04/210987654321_CloudTrail-Digest_eu-west-1_t_eu-west-1_20250304T100000Z.json");
    TestStores.gzip(Files.readAllBytes(fixture("digest/digest.json")), archive.resolve("digest-gzipped.json.gz"));
    copy("config/snapshot.json", archive, "AWSLogs/210987654321/Config/eu-west-1/ConfigSnapshot.json");
    copy("config/history.json", archive, "AWSLogs/210987654321/Config/eu-west-1/ConfigHistory.json");
    copy("kms-list-grants/bare-array.json", archive, "notes/kms-list-grants.json");
    copy("other-json/s3-list-objects.json", archive, "notes/s3-list-objects.json");
    copy("trail-records/compact.json", archive, "AWSLogs/210987654321/CloudTrail/eu-west-1/2025/03/04/trail.json");

    IngestSummary summary = TestStores.ingest(temp.resolve("store"), archive);

    assertThat(summary.skippedByShape())
        .containsExactlyInAnyOrderEntriesOf(Map.of("cloudtrail-digest", 2L, "other-json", 1L));
    assertThat(summary.filesByStatus())
        .containsExactlyInAnyOrderEntriesOf(Map.of("ingested", 1L, "skipped", 3L, "snapshot", 3L));
    assertThat(summary.rejected()).isZero();
    assertThat(summary.stored()).isEqualTo(2);
    assertThat(count(temp.resolve("store"), "SELECT count(*) FROM sources WHERE status IN ('skipped', 'snapshot')"
        + " AND records_read = 0")).isEqualTo(6);
  }

  @Test
  void skipsAnArrayOfNonCloudTrailObjectsAsOneFileNotOneRejectPerElement() throws Exception {
    IngestSummary summary = TestStores.ingest(temp.resolve("store"), fixture("other-json/s3-list-objects.json"));

    assertThat(TestStores.entries(temp.resolve("store"), summary)).singleElement().satisfies(entry -> {
      assertThat(entry.status()).isEqualTo("skipped");
      assertThat(entry.shape()).isEqualTo("other-json");
      assertThat(entry.recordsRead()).isZero();
    });
    assertThat(summary.rejected()).isZero();
  }

  @Test
  void skipsStrayNonJsonFilesButRejectsGarbageNamedLikeALog() throws Exception {
    Path archive = temp.resolve("archive");
    Files.createDirectories(archive);
    Files.writeString(archive.resolve("README.md"), "# Case notes\nsynced from the bucket\n");
    Files.writeString(archive.resolve("notes.txt"), "2025-03-04 spoke to the on-call engineer\n");
    Files.write(archive.resolve(".DS_Store"), new byte[] {0, 0, 0, 1, 'B', 'u', 'd', '1'});
    Files.writeString(archive.resolve("gzip-in-name-only.json.gz"), "this is not gzip and not JSON\n");
    Files.writeString(archive.resolve("broken.log"), "<html>503 Service Unavailable</html>\n");
    copy("single-record/record.json", archive, "record.json");

    IngestSummary summary = TestStores.ingest(temp.resolve("store"), archive);

    Map<String, SourceEntry> byFile =
        TestStores.entries(temp.resolve("store"), summary).stream().collect(Collectors.toMap(SourceEntry::sourceFile, Function.identity()));
    assertThat(byFile.get("README.md").status()).isEqualTo("skipped");
    assertThat(byFile.get("README.md").shape()).isEqualTo("not-json");
    assertThat(byFile.get("notes.txt").status()).isEqualTo("skipped");
    assertThat(byFile.get(".DS_Store").status()).isEqualTo("skipped");
    assertThat(byFile.get("gzip-in-name-only.json.gz").status()).isEqualTo("rejected");
    assertThat(byFile.get("gzip-in-name-only.json.gz").compression()).isEqualTo("none");
    assertThat(byFile.get("broken.log").status()).isEqualTo("rejected");
    assertThat(byFile.get("record.json").stored()).isEqualTo(1);
    assertThat(summary.rejectReasons()).containsExactlyEntriesOf(Map.of("not-json", 2L));
    assertThat(summary.skippedByShape()).containsExactlyEntriesOf(Map.of("not-json", 3L));
  }

  @Test
  void detectsGzipByMagicBytesNotByName() throws Exception {
    Path archive = temp.resolve("archive");
    byte[] trail = Files.readAllBytes(fixture("trail-records/compact.json"));
    TestStores.gzip(trail, archive.resolve("gzipped-but-named.json"));
    Files.write(archive.resolve("plain-but-named.json.gz"),
        new String(trail, StandardCharsets.UTF_8).replace("a7f3c2d1", "b7f3c2d1").replace("1c2d3e4f", "2c2d3e4f")
            .getBytes(StandardCharsets.UTF_8));

    IngestSummary summary = TestStores.ingest(temp.resolve("store"), archive);

    Map<String, SourceEntry> byFile =
        TestStores.entries(temp.resolve("store"), summary).stream().collect(Collectors.toMap(SourceEntry::sourceFile, Function.identity()));
    assertThat(byFile.get("gzipped-but-named.json").compression()).isEqualTo("gzip");
    assertThat(byFile.get("gzipped-but-named.json").stored()).isEqualTo(2);
    assertThat(byFile.get("plain-but-named.json.gz").compression()).isEqualTo("none");
    assertThat(byFile.get("plain-but-named.json.gz").stored()).isEqualTo(2);
    assertThat(count(temp.resolve("store"), "SELECT count(*) FROM events")).isEqualTo(4);
  }
}
