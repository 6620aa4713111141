package io.trailsleuth.pipeline;

import static io.trailsleuth.pipeline.TestStores.copy;
import static io.trailsleuth.pipeline.TestStores.fixture;
import static io.trailsleuth.pipeline.TestStores.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.trailsleuth.store.SourceEntry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every fault is rejected with a clear reason where it happened, while the rest of the file and archive ingests. */
final class FaultRejectionTest {
  private static final String GOOD_1 = record("e0000000-0000-4000-8000-000000000001", "\"2025-03-04T10:00:00Z\"", "{\"type\":\"Root\"}");
  private static final String GOOD_2 = record("e0000000-0000-4000-8000-000000000002", "\"2025-03-04T10:00:01Z\"", "{\"type\":\"Root\"}");
  private static final String GOOD_3 = record("e0000000-0000-4000-8000-000000000003", "\"2025-03-04T10:00:02Z\"", "{\"type\":\"Root\"}");

  @TempDir
  Path temp;

  Path archive;
  Path store;

  @BeforeEach
  void paths() {
    archive = temp.resolve("archive");
    store = temp.resolve("store");
  }

  static String record(String eventId, String eventTime, String userIdentity) {
    return "{\"eventVersion\":\"1.08\",\"userIdentity\":" + userIdentity + ",\"eventTime\":" + eventTime
        + ",\"eventSource\":\"iam.amazonaws.com\",\"eventName\":\"GetRole\",\"awsRegion\":\"eu-west-1\","
        + "\"eventID\":\"" + eventId + "\",\"readOnly\":true}";
  }

  private void write(String name, String content) throws Exception {
    Files.createDirectories(archive);
    Files.writeString(archive.resolve(name), content, StandardCharsets.UTF_8);
  }

  private Map<String, SourceEntry> ingestArchive() throws Exception {
    IngestSummary summary = TestStores.ingest(store, archive);
    return TestStores.entries(store, summary).stream().collect(Collectors.toMap(SourceEntry::sourceFile, Function.identity()));
  }

  @Test
  void givesEachRejectTheHashOfItsOwnFileWhenTwoInputRootsHoldDifferentFilesAtOnePath() throws Exception {
    Path first = Files.createDirectories(temp.resolve("first"));
    Path second = Files.createDirectories(temp.resolve("second"));
    Files.writeString(first.resolve("broken.json"), "{\"Records\":[" + GOOD_1 + ",{\"eventTime\": oops}]}");
    Files.writeString(second.resolve("broken.json"), "{\"Records\":[" + GOOD_2 + ",{\"eventTime\": oops}]}");

    TestStores.ingest(store, second, first);

    assertThat(rows(store, "SELECT r.source_sha256 = s.sha256 AS own, s.input_root FROM rejects AS r JOIN sources AS s"
        + " ON s.source_file = r.source_file AND s.sha256 = r.source_sha256 ORDER BY s.input_root"))
        .containsExactly(Map.of("own", true, "input_root", first.toString()),
            Map.of("own", true, "input_root", second.toString()));
  }

  @Test
  void keepsRecordsBeforeInvalidJsonInARecordsArrayAndRejectsTheRestWithItsByteOffset() throws Exception {
    String head = "{\"Records\":[" + GOOD_1 + "," + GOOD_2 + ",";
    write("broken-middle.json", head + "{\"eventTime\": oops}," + GOOD_3 + "]}");
    copy("single-record/record.json", archive, "other.json");

    Map<String, SourceEntry> byFile = ingestArchive();

    SourceEntry broken = byFile.get("broken-middle.json");
    assertThat(broken.stored()).isEqualTo(2);
    assertThat(broken.rejected()).isEqualTo(1);
    assertThat(broken.status()).isEqualTo("ingested");
    assertThat(byFile.get("other.json").stored()).isEqualTo(1);
    Map<String, Object> reject = rows(store, "SELECT * FROM rejects").get(0);
    assertThat(reject).containsEntry("source_file", "broken-middle.json").containsEntry("reason_code", "invalid-json")
        .containsEntry("source_record", 2L);
    assertThat((Long) reject.get("byte_offset")).isBetween((long) head.length(), (long) head.length() + 20);
    assertThat((String) reject.get("reason")).contains("records before this point were kept");
    assertThat(reject.get("source_sha256")).isEqualTo(broken.sha256());
  }

  @Test
  void rejectsATruncatedGzipAndKeepsWhatWasReadBeforeTheCut() throws Exception {
    StringBuilder trail = new StringBuilder("{\"Records\":[");
    for (int i = 0; i < 400; i++) {
      trail.append(i == 0 ? "" : ",").append(record(String.format("f0000000-0000-4000-8000-%012d", i),
          "\"2025-03-04T10:00:00Z\"", "{\"type\":\"Root\",\"arn\":\"arn:aws:iam::210987654321:root\"}"));
    }
    trail.append("]}");
    Path whole = TestStores.gzip(trail.toString().getBytes(StandardCharsets.UTF_8), temp.resolve("whole.json.gz"));
    byte[] bytes = Files.readAllBytes(whole);
    Files.createDirectories(archive);
    Files.write(archive.resolve("truncated.json.gz"), Arrays.copyOf(bytes, bytes.length / 2));
    copy("single-record/record.json", archive, "other.json");

    Map<String, SourceEntry> byFile = ingestArchive();

    SourceEntry truncated = byFile.get("truncated.json.gz");
    assertThat(truncated.compression()).isEqualTo("gzip");
    assertThat(truncated.rejected()).isEqualTo(1);
    assertThat(truncated.stored()).isPositive().isLessThan(400);
    assertThat(byFile.get("other.json").stored()).isEqualTo(1);
    assertThat(rows(store, "SELECT reason_code, reason FROM rejects")).singleElement()
        .satisfies(row -> {
          assertThat(row.get("reason_code")).isIn("truncated", "corrupt-gzip");
          assertThat((String) row.get("reason")).contains("input ended early");
        });
  }

  @Test
  void rejectsAnEmptyFile() throws Exception {
    write("empty.json", "");
    write("blank.json", " \n\n");
    copy("single-record/record.json", archive, "other.json");

    Map<String, SourceEntry> byFile = ingestArchive();

    assertThat(byFile.get("empty.json").status()).isEqualTo("rejected");
    assertThat(byFile.get("blank.json").status()).isEqualTo("rejected");
    assertThat(rows(store, "SELECT DISTINCT reason_code FROM rejects")).containsExactly(Map.of("reason_code", "empty-file"));
    assertThat(byFile.get("other.json").stored()).isEqualTo(1);
  }

  @Test
  void rejectsValuesOfTheWrongTypeAndRecordsWithoutEventTimeOneByOne() throws Exception {
    write("mixed.json", "{\"Records\":["
        + record("a0000000-0000-4000-8000-000000000001", "1741082400", "{\"type\":\"Root\"}") + ","
        + record("a0000000-0000-4000-8000-000000000002", "\"2025-03-04T10:00:00Z\"", "\"alice\"") + ","
        + record("a0000000-0000-4000-8000-000000000003", "null", "{\"type\":\"Root\"}") + ","
        + record("a0000000-0000-4000-8000-000000000004", "\"last tuesday\"", "{\"type\":\"Root\"}") + ","
        + GOOD_1 + "]}");

    Map<String, SourceEntry> byFile = ingestArchive();

    SourceEntry mixed = byFile.get("mixed.json");
    assertThat(mixed.recordsRead()).isEqualTo(5);
    assertThat(mixed.stored()).isEqualTo(1);
    assertThat(mixed.rejected()).isEqualTo(4);
    List<Map<String, Object>> rejects = rows(store, "SELECT source_record, reason_code, reason FROM rejects ORDER BY source_record");
    assertThat(rejects).extracting(row -> row.get("reason_code"))
        .containsExactly("wrong-type", "wrong-type", "no-event-time", "wrong-type");
    assertThat(rejects).extracting(row -> (String) row.get("reason")).satisfiesExactly(
        reason -> assertThat(reason).contains("eventTime should be an ISO-8601 string but is a number"),
        reason -> assertThat(reason).contains("userIdentity should be an object but is a string"),
        reason -> assertThat(reason).contains("no eventTime"),
        reason -> assertThat(reason).contains("not an ISO-8601 timestamp"));
    assertThat(rejects).extracting(row -> row.get("source_record")).containsExactly(0L, 1L, 2L, 3L);
    assertThat(rows(store, "SELECT event_id FROM events")).containsExactly(Map.of("event_id", GOOD_1.substring(
        GOOD_1.indexOf("e0000000"), GOOD_1.indexOf("e0000000") + 36)));
  }

  @Test
  void rejectsBadLinesOfAJsonLinesFileAndKeepsTheOthers() throws Exception {
    write("lines.jsonl", GOOD_1 + "\n" + "[1, 2]\n" + GOOD_2 + "\n" + "\"{not json\"\n" + GOOD_3 + "\n");

    SourceEntry lines = ingestArchive().get("lines.jsonl");

    assertThat(lines.shape()).isEqualTo("json-lines");
    assertThat(lines.stored()).isEqualTo(3);
    assertThat(lines.rejected()).isEqualTo(3);
    assertThat(lines.recordsRead()).isEqualTo(6);
  }

  @Test
  void rejectsOnlyTheLineOfAJsonLinesFileThatIsNotValidJsonAndReadsOn() throws Exception {
    String truncated = GOOD_2.substring(0, GOOD_2.length() / 2);
    write("broken.jsonl", GOOD_1 + "\n{\"eventTime\": oops}\n" + truncated + "\n" + GOOD_2 + "\n" + GOOD_3 + " trailing\n");

    SourceEntry lines = ingestArchive().get("broken.jsonl");

    assertThat(lines.shape()).isEqualTo("json-lines");
    assertThat(lines.stored()).as("GOOD_1, GOOD_2 and GOOD_3").isEqualTo(3);
    assertThat(lines.rejected()).as("oops, the truncated line and the trailing word").isEqualTo(3);
    assertThat(lines.recordsRead()).isEqualTo(6);
    assertThat(rows(store, "SELECT DISTINCT reason_code FROM rejects")).containsExactly(Map.of("reason_code", "invalid-json"));
    assertThat(rows(store, "SELECT reason FROM rejects")).allSatisfy(
        row -> assertThat((String) row.get("reason")).contains("reading goes on at the next line"));
  }

  @Test
  void readsOnAfterABrokenLineFarIntoALargeJsonLinesFile() throws Exception {
    StringBuilder content = new StringBuilder();
    int lines = 3000;
    for (int i = 0; i < lines; i++) {
      String id = String.format("e0000000-0000-4000-8000-%012d", i);
      String line = record(id, "\"2025-03-04T10:00:00Z\"", "{\"type\":\"Root\"}");
      content.append(i == 2000 ? line.substring(0, 50) : line).append('\n');
    }
    write("large.jsonl", content.toString());

    SourceEntry large = ingestArchive().get("large.jsonl");

    assertThat(large.stored()).isEqualTo(lines - 1);
    assertThat(large.rejected()).isEqualTo(1);
    long offset = (Long) rows(store, "SELECT byte_offset FROM rejects").get(0).get("byte_offset");
    assertThat(offset).as("past the first 2,000 lines").isGreaterThan(2000L * 200);
  }
}
