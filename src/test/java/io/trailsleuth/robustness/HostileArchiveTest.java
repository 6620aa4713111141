package io.trailsleuth.robustness;

import static io.trailsleuth.robustness.Records.concat;
import static io.trailsleuth.robustness.Records.gzip;
import static io.trailsleuth.robustness.Records.lines;
import static io.trailsleuth.robustness.Records.records;
import static io.trailsleuth.robustness.Records.trail;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.trailsleuth.ingest.FileScope;
import io.trailsleuth.pipeline.Accounting;
import io.trailsleuth.pipeline.IngestOptions;
import io.trailsleuth.pipeline.IngestPipeline;
import io.trailsleuth.pipeline.IngestProgress;
import io.trailsleuth.pipeline.IngestSummary;
import io.trailsleuth.pipeline.TestStores;
import io.trailsleuth.store.SourceEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Broken and hostile files each become a clear, counted reject that names the file and the record or byte,
 * while a good file next to them is still stored. Complements the pipeline's FaultRejectionTest.
 */
final class HostileArchiveTest {
  @TempDir
  Path temp;

  Path archive;
  Path store;

  @BeforeEach
  void archiveWithOneGoodFile() throws Exception {
    archive = Files.createDirectories(temp.resolve("archive"));
    store = temp.resolve("store");
    Files.writeString(archive.resolve("good.json"), trail(records(900, 2)), UTF_8);
  }

  private Map<String, SourceEntry> ingest() throws Exception {
    return ingest(IngestOptions.DEFAULT_MAX_DECOMPRESSED_BYTES);
  }

  private Map<String, SourceEntry> ingest(long maxDecompressedBytes) throws Exception {
    IngestSummary summary = IngestPipeline.run(new IngestOptions(List.of(archive.toString()), store, 2,
        maxDecompressedBytes, "256MB", FileScope.EVERYTHING), IngestProgress.SILENT);
    Accounting.assertBalanced(store, summary);
    Map<String, SourceEntry> byFile = TestStores.entries(store, summary).stream()
        .collect(Collectors.toMap(SourceEntry::sourceFile, Function.identity()));
    assertThat(byFile.get("good.json").stored()).as("the good file next to the fault").isEqualTo(2);
    return byFile;
  }

  private Map<String, Object> onlyReject(String file) throws Exception {
    List<Map<String, Object>> rejects = TestStores.rows(store, "SELECT * FROM rejects WHERE source_file = ?", file);
    assertThat(rejects).as("rejects of " + file).hasSize(1);
    return rejects.get(0);
  }

  private void write(String name, byte[] bytes) throws Exception {
    Files.createDirectories(archive.resolve(name).getParent());
    Files.write(archive.resolve(name), bytes);
  }

  @Test
  void rejectsGarbageAfterAGzipMemberAndKeepsTheMembersRecords() throws Exception {
    byte[] member = gzip(trail(records(0, 3)).getBytes(UTF_8));
    write("appended.json.gz", concat(member, "<html>403 Forbidden</html>".getBytes(UTF_8)));

    SourceEntry entry = ingest().get("appended.json.gz");

    assertThat(entry.stored()).isEqualTo(3);
    assertThat(entry.rejected()).isEqualTo(1);
    Map<String, Object> reject = onlyReject("appended.json.gz");
    assertThat(reject).containsEntry("reason_code", "trailing-garbage").containsEntry("source_record", 3L);
    assertThat((String) reject.get("reason")).contains("26 bytes that are not gzip")
        .contains("at compressed byte " + member.length).contains("Fetch the file again");
  }

  @Test
  void readsEveryMemberOfConcatenatedGzipMembers() throws Exception {
    write("members.jsonl.gz", concat(gzip(lines(records(0, 2), "\n").getBytes(UTF_8)),
        gzip(lines(records(2, 3), "\n").getBytes(UTF_8)), gzip(new byte[0])));

    SourceEntry entry = ingest().get("members.jsonl.gz");

    assertThat(entry.compression()).isEqualTo("gzip");
    assertThat(entry.stored()).isEqualTo(5);
    assertThat(entry.rejected()).isZero();
  }

  @Test
  void rejectsAGzipMemberWhoseChecksumDoesNotMatch() throws Exception {
    byte[] member = gzip(trail(records(0, 3)).getBytes(UTF_8));
    member[member.length - 6] ^= 0x55;
    write("damaged.json.gz", member);

    ingest();

    Map<String, Object> reject = onlyReject("damaged.json.gz");
    assertThat(reject).containsEntry("reason_code", "corrupt-gzip");
    assertThat((String) reject.get("reason")).contains("fails its CRC-32 check");
  }

  @Test
  void readsPlainJsonNamedGzAndRejectsGarbageNamedGzSayingItIsNotGzip() throws Exception {
    write("plain.json.gz", trail(records(0, 2)).getBytes(UTF_8));
    write("garbage.json.gz", "PK\u0003\u0004 this is a zip, not gzip".getBytes(UTF_8));

    Map<String, SourceEntry> byFile = ingest();

    assertThat(byFile.get("plain.json.gz").stored()).isEqualTo(2);
    assertThat(byFile.get("plain.json.gz").compression()).isEqualTo("none");
    assertThat(byFile.get("plain.json.gz").detail()).contains("named .gz but not gzip-compressed");
    assertThat(byFile.get("garbage.json.gz").status()).isEqualTo("rejected");
    Map<String, Object> reject = onlyReject("garbage.json.gz");
    assertThat(reject).containsEntry("reason_code", "not-json");
    assertThat((String) reject.get("reason")).contains("not gzip-compressed although its name ends in .gz");
  }

  @Test
  void rejectsTheRestOfAFileAtInvalidUtf8AndKeepsTheRecordsBefore() throws Exception {
    String head = "{\"Records\":[" + Records.record(0) + ",";
    byte[] bad = Records.record(1).replace("GetRole", "Get\u0000Role").getBytes(UTF_8);
    int zero = new String(bad, UTF_8).indexOf('\u0000');
    bad[zero] = (byte) 0xC3;
    bad[zero + 1] = (byte) 0x28;
    write("latin.json", concat(head.getBytes(UTF_8), bad, ("," + Records.record(2) + "]}").getBytes(UTF_8)));

    SourceEntry entry = ingest().get("latin.json");

    assertThat(entry.stored()).isEqualTo(1);
    assertThat(entry.rejected()).isEqualTo(1);
    Map<String, Object> reject = onlyReject("latin.json");
    assertThat(reject).containsEntry("reason_code", "invalid-utf8").containsEntry("source_record", 1L);
    assertThat((Long) reject.get("byte_offset")).isBetween((long) head.length(), (long) head.length() + bad.length);
  }

  @Test
  void readsFilesWithAByteOrderMarkAndCrlfLineEndingsInEveryTextShape() throws Exception {
    String bom = "\uFEFF";
    Files.writeString(archive.resolve("bom-trail.json"), bom + trail(records(0, 2)), UTF_8);
    Files.writeString(archive.resolve("bom-crlf.jsonl"), bom + lines(records(2, 2), "\r\n"), UTF_8);
    Files.writeString(archive.resolve("crlf.jsonl"), lines(records(4, 2), "\r\n"), UTF_8);
    Files.writeString(archive.resolve("crlf-export.log"), Records.cloudWatch(records(6, 2), "\r\n"), UTF_8);
    Files.writeString(archive.resolve("bom-export.log"), bom + Records.cloudWatch(records(8, 2), "\n"), UTF_8);

    Map<String, SourceEntry> byFile = ingest();

    assertThat(byFile.values()).allSatisfy(entry -> {
      assertThat(entry.stored()).as(entry.sourceFile()).isEqualTo(2);
      assertThat(entry.rejected()).as(entry.sourceFile()).isZero();
    });
    assertThat(byFile.get("crlf-export.log").shape()).isEqualTo("cloudwatch-export");
    assertThat(byFile.get("bom-export.log").shape()).isEqualTo("cloudwatch-export");
  }

  @Test
  void rejectsARecordsValueThatIsNotAnArray() throws Exception {
    Files.writeString(archive.resolve("records-object.json"), "{\"Records\":{\"eventTime\":\"2025-03-04T10:00:00Z\"}}");

    SourceEntry entry = ingest().get("records-object.json");

    assertThat(entry.recordsRead()).isEqualTo(1);
    assertThat(onlyReject("records-object.json")).containsEntry("reason_code", "wrong-type");
  }

  @Test
  void rejectsNestingDeeperThanTheLimitAndKeepsTheRecordsBefore() throws Exception {
    String deep = Records.record(1).replace("\"readOnly\":true", "\"requestParameters\":" + "[".repeat(5000) + "]".repeat(5000));
    Files.writeString(archive.resolve("deep.json"), trail(List.of(Records.record(0), deep, Records.record(2))));

    SourceEntry entry = ingest().get("deep.json");

    assertThat(entry.stored()).isEqualTo(1);
    Map<String, Object> reject = onlyReject("deep.json");
    assertThat(reject).containsEntry("reason_code", "limit-exceeded").containsEntry("source_record", 1L);
    assertThat((String) reject.get("reason")).contains("nesting depth").contains("treat the file as hostile");
  }

  @Test
  void rejectsAStringAndANumberFarLargerThanAnyRealRecord() throws Exception {
    String hugeString = Records.record(1).replace("GetRole", "x".repeat(17 << 20));
    String hugeNumber = Records.record(3).replace("\"readOnly\":true", "\"requestParameters\":{\"n\":" + "9".repeat(5000) + "}");
    Files.writeString(archive.resolve("huge-string.json"), trail(List.of(Records.record(0), hugeString)));
    Files.writeString(archive.resolve("huge-number.json"), trail(List.of(Records.record(2), hugeNumber)));

    Map<String, SourceEntry> byFile = ingest();

    assertThat(byFile.get("huge-string.json").stored()).isEqualTo(1);
    assertThat(byFile.get("huge-number.json").stored()).isEqualTo(1);
    assertThat(onlyReject("huge-string.json")).containsEntry("reason_code", "limit-exceeded");
    assertThat(onlyReject("huge-number.json")).containsEntry("reason_code", "limit-exceeded");
    assertThat((String) onlyReject("huge-string.json").get("reason")).contains("String value length");
  }

  @Test
  void rejectsADecompressionBombPastTheConfiguredLimitAndNamesTheOption() throws Exception {
    byte[] padding = new byte[50 << 20];
    Arrays.fill(padding, (byte) ' ');
    byte[] bomb = gzip(concat(("{\"Records\":[" + Records.record(0) + ",").getBytes(UTF_8), padding,
        (Records.record(1) + "]}").getBytes(UTF_8)));
    assertThat(bomb.length).isLessThan(1 << 20);
    write("bomb.json.gz", bomb);
    write("small.json.gz", gzip(trail(records(5, 3)).getBytes(UTF_8)));

    Map<String, SourceEntry> byFile = ingest(10L << 20);

    assertThat(byFile.get("small.json.gz").stored()).isEqualTo(3);
    assertThat(byFile.get("bomb.json.gz").stored()).isEqualTo(1);
    assertThat(byFile.get("bomb.json.gz").decompressedBytes()).isLessThanOrEqualTo((10L << 20) + (1 << 16));
    Map<String, Object> reject = onlyReject("bomb.json.gz");
    assertThat(reject).containsEntry("reason_code", "decompression-limit");
    assertThat((String) reject.get("reason")).contains("limit of " + (10L << 20) + " bytes").contains("--max-decompressed-bytes");
  }

  @Test
  void rejectsAFileThatCannotBeReadEvenByRoot() throws Exception {
    Path procMemory = Path.of("/proc/self/mem");
    assumeTrue(Files.isRegularFile(procMemory), "needs Linux /proc");
    Files.createSymbolicLink(archive.resolve("eio.json"), procMemory);

    ingest();

    Map<String, Object> reject = onlyReject("eio.json");
    assertThat(reject).containsEntry("reason_code", "unreadable");
    assertThat((String) reject.get("reason")).contains("cannot read eio.json").contains("check that it exists");
  }

  @Test
  void rejectsAFileWithoutReadPermission() throws Exception {
    Path secret = archive.resolve("secret.json");
    Files.writeString(secret, trail(records(0, 1)));
    Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("---------"));
    assumeTrue(!Files.isReadable(secret), "running as root: permissions do not stop reading");

    ingest();

    Map<String, Object> reject = onlyReject("secret.json");
    assertThat(reject).containsEntry("reason_code", "unreadable");
    assertThat((String) reject.get("reason")).contains("permission denied reading secret.json").contains("fix its permissions");
  }

  @Test
  void rejectsSymbolicLinkLoopsAndBrokenLinksAndReadsTheFileOnlyOnce() throws Exception {
    Files.createSymbolicLink(archive.resolve("again"), archive);
    Files.createSymbolicLink(archive.resolve("self.json"), archive.resolve("self.json"));
    Files.createSymbolicLink(archive.resolve("dangling.json"), archive.resolve("gone.json"));

    Map<String, SourceEntry> byFile = ingest();

    assertThat(byFile.keySet()).containsExactlyInAnyOrder("good.json", "again", "self.json", "dangling.json");
    assertThat(TestStores.rows(store, "SELECT source_file, reason_code FROM rejects ORDER BY source_file")).containsExactly(
        Map.of("source_file", "again", "reason_code", "symlink-loop"),
        Map.of("source_file", "dangling.json", "reason_code", "broken-link"),
        Map.of("source_file", "self.json", "reason_code", "symlink-loop"));
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void rejectsAFifoWithoutBlockingOnIt() throws Exception {
    Process mkfifo = new ProcessBuilder("mkfifo", archive.resolve("pipe.json").toString()).start();
    assumeTrue(mkfifo.waitFor() == 0, "mkfifo is available");

    ingest();

    Map<String, Object> reject = onlyReject("pipe.json");
    assertThat(reject).containsEntry("reason_code", "special-file");
    assertThat((String) reject.get("reason")).contains("pipe.json is not a regular file");
  }

  @Test
  void storesTheSameEventsOnceWhenTheyComeAsTheSameFileTwiceAndInOtherShapes() throws Exception {
    String trail = trail(records(0, 4));
    Files.writeString(archive.resolve("a/trail.json".replace("a/", "")), trail);
    Files.createDirectories(archive.resolve("copy"));
    Files.writeString(archive.resolve("copy/renamed.json"), trail);
    write("trail.json.gz", gzip(trail.getBytes(UTF_8)));
    Files.writeString(archive.resolve("lines.jsonl"), lines(records(0, 4), "\n"));
    Files.writeString(archive.resolve("export.log"), Records.cloudWatch(records(0, 4), "\n"));

    Map<String, SourceEntry> byFile = ingest();

    assertThat(byFile.get("trail.json").sha256()).isEqualTo(byFile.get("copy/renamed.json").sha256());
    long stored = byFile.values().stream().mapToLong(SourceEntry::stored).sum();
    long duplicates = byFile.values().stream().mapToLong(SourceEntry::duplicates).sum();
    assertThat(stored).isEqualTo(4 + 2);
    assertThat(duplicates).isEqualTo(4 * 4);
    assertThat(TestStores.count(store, "SELECT count(*) FROM events")).isEqualTo(6);
    assertThat(TestStores.count(store, "SELECT count(DISTINCT event_id) FROM events")).isEqualTo(6);
  }
}
