package io.trailsleuth.evidence;

import static io.trailsleuth.pipeline.TestStores.copy;
import static io.trailsleuth.pipeline.TestStores.fixture;
import static io.trailsleuth.pipeline.TestStores.rows;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trailsleuth.pipeline.TestStores;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The byte position kept at ingest leads back to each record as it stands in its source, in every input shape. */
final class RecordPositionsTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir
  Path temp;

  @Test
  void leadsBackToEveryStoredRecordInEveryShape() throws Exception {
    Path archive = temp.resolve("archive");
    for (String fixture : List.of("bare-array/records.json", "cloudwatch-export/export.log", "concatenated/records.json",
        "eventbridge/event.json", "json-lines/records.jsonl", "lookup-event-lines/lookup-events.jsonl",
        "lookup-events/lookup-events.json", "no-event-id/records.json", "single-record/record.json",
        "trail-records/compact.json")) {
      copy(fixture, archive, fixture);
    }
    Path store = temp.resolve("store");
    TestStores.ingest(store, archive);

    List<Map<String, Object>> stored = rows(store, "SELECT e.event_id, e.event_id_derived, e.source_file, "
        + "e.source_sha256, e.source_offset, e.source_length, e.source_shape, s.input_root FROM events AS e JOIN sources "
        + "AS s ON s.source_file = e.source_file AND s.sha256 = e.source_sha256 ORDER BY e.source_file, e.source_record");
    assertThat(stored).isNotEmpty();
    for (Map<String, Object> row : stored) {
      byte[] span = SourceRecordReader.read(Path.of((String) row.get("input_root")).resolve((String) row.get("source_file")),
          (String) row.get("source_sha256"), (Long) row.get("source_offset"), (Long) row.get("source_length"));
      byte[] record = RecordBytes.extract(span);
      JsonNode parsed = MAPPER.readTree(record);
      assertThat(parsed.isObject()).as("%s", row).isTrue();
      if (!(Boolean) row.get("event_id_derived")) {
        assertThat(parsed.path("eventID").asText()).as("%s", row).isEqualTo(row.get("event_id"));
      }
      String text = new String(record, StandardCharsets.UTF_8);
      assertThat(text).as("%s", row).startsWith("{").endsWith("}");
    }
  }

  @Test
  void leadsBackToEachFileOwnRecordsWithBomsCrlfMultiByteTextAndBrokenLines() throws Exception {
    Map<String, byte[]> files = new java.util.TreeMap<>();
    for (String fixture : List.of("cloudwatch-export/export.log", "lookup-events/lookup-events.json",
        "eventbridge/event.json", "concatenated/records.json", "trail-records/pretty.json")) {
      files.put(fixture, Files.readAllBytes(fixture(fixture)));
    }
    String cloudWatch = Files.readString(fixture("cloudwatch-export/export.log"), StandardCharsets.UTF_8);
    files.put("crlf/export.log", ("\uFEFF" + cloudWatch.replace("\n", "\r\n")
        .replace("{\"eventVersion\"", "{\"note\":\"\u00e9t\u00e9 \u2603\",\"eventVersion\""))
        .getBytes(StandardCharsets.UTF_8));
    List<String> lines = Files.readAllLines(fixture("json-lines/records.jsonl"), StandardCharsets.UTF_8);
    files.put("broken/records.jsonl", (lines.get(0) + "\n{\"eventVersion\": broken\n"
        + String.join("\n", lines.subList(1, lines.size())) + "\n").getBytes(StandardCharsets.UTF_8));
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      String name = file.getKey().replace('/', '-');
      Path input = temp.resolve("in-" + name).resolve("file.gz");
      TestStores.gzip(file.getValue(), input);
      Path store = temp.resolve("store-" + name);
      TestStores.ingest(store, input);
      byte[] content = file.getValue();
      List<Map<String, Object>> stored = rows(store, "SELECT event_id, source_offset, source_length FROM events");
      assertThat(stored).as(file.getKey()).isNotEmpty();
      for (Map<String, Object> row : stored) {
        int offset = Math.toIntExact((Long) row.get("source_offset"));
        int length = Math.toIntExact((Long) row.get("source_length"));
        byte[] record = RecordBytes.extract(java.util.Arrays.copyOfRange(content, offset, offset + length));
        assertThat(MAPPER.readTree(record).path("eventID").asText()).as("%s in %s", row, file.getKey())
            .isEqualTo(row.get("event_id"));
        if (file.getKey().startsWith("lookup-events")) {
          assertThat(new String(record, StandardCharsets.UTF_8)).as("the CloudTrailEvent string, unescaped")
              .isEqualTo(findCloudTrailEvent(content, (String) row.get("event_id")));
        } else {
          assertThat(new String(content, StandardCharsets.UTF_8)).as("the record's own bytes")
              .contains(new String(record, StandardCharsets.UTF_8));
        }
      }
    }
  }

  private static String findCloudTrailEvent(byte[] lookupEvents, String eventId) throws Exception {
    for (JsonNode event : MAPPER.readTree(lookupEvents).get("Events")) {
      if (event.path("EventId").asText().equals(eventId)) {
        return event.get("CloudTrailEvent").asText();
      }
    }
    throw new AssertionError("no " + eventId);
  }
}
