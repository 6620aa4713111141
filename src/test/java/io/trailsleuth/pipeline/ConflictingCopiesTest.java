package io.trailsleuth.pipeline;

import static io.trailsleuth.pipeline.TestStores.count;
import static io.trailsleuth.pipeline.TestStores.fixture;
import static io.trailsleuth.pipeline.TestStores.rows;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Copies of one eventID that differ in content are kept as conflicts; identical copies in any shape stay duplicates. */
final class ConflictingCopiesTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir
  Path temp;

  private JsonNode grantRecord() throws Exception {
    return MAPPER.readTree(Files.readString(fixture("trail-records/compact.json"))).get("Records").get(0);
  }

  private Path write(String name, String content) throws Exception {
    Path file = temp.resolve("archive").resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
    return file;
  }

  /** The record with its top-level fields in reverse order, as another exporter might write them. */
  private static ObjectNode reordered(JsonNode record) {
    List<String> names = new ArrayList<>();
    record.fieldNames().forEachRemaining(names::add);
    Collections.reverse(names);
    ObjectNode copy = MAPPER.createObjectNode();
    names.forEach(name -> copy.set(name, record.get(name)));
    return copy;
  }

  @Test
  void keepsIdenticalCopiesInEveryExportShapeAsPlainDuplicates() throws Exception {
    JsonNode record = grantRecord();
    String text = MAPPER.writeValueAsString(record);
    write("trail/a.json", "{\"Records\":[" + text + "]}");
    ObjectNode lookup = MAPPER.createObjectNode();
    lookup.put("EventId", record.get("eventID").asText());
    lookup.put("CloudTrailEvent", MAPPER.writeValueAsString(reordered(record)));
    write("exports/lookup.json", "{\"Events\":[" + lookup + "]}");
    ObjectNode bridge = MAPPER.createObjectNode();
    bridge.put("version", "0").put("detail-type", "AWS API Call via CloudTrail").put("source", "aws.kms");
    bridge.set("detail", record);
    write("exports/eventbridge.json", bridge.toString());
    write("exports/cloudwatch.log", "2025-03-04T10:00:02.000Z " + reordered(record) + "\n");

    IngestSummary summary = TestStores.ingest(temp.resolve("store"), temp.resolve("archive"));

    assertThat(summary.recordsRead()).isEqualTo(4);
    assertThat(summary.stored()).isEqualTo(1);
    assertThat(summary.duplicates()).isEqualTo(3);
    assertThat(summary.conflictingCopies()).isZero();
    assertThat(count(temp.resolve("store"), "SELECT count(*) FROM conflicts")).isZero();
  }

  @Test
  void listsEveryVersionOfAForgedTwinAndKeepsTheFirstByFileAndRecord() throws Exception {
    JsonNode record = grantRecord();
    write("a/trail.json", "{\"Records\":[" + record + "]}");
    ObjectNode twin = record.deepCopy();
    twin.put("sourceIPAddress", "203.0.113.66");
    ((ObjectNode) twin.get("requestParameters")).put("granteePrincipal", "arn:aws:iam::210987654321:role/attacker");
    write("b/export.jsonl", twin + "\n");

    IngestSummary summary = TestStores.ingest(temp.resolve("store"), temp.resolve("archive"));

    assertThat(summary.recordsRead()).isEqualTo(summary.stored() + summary.duplicates() + summary.rejected()).isEqualTo(2);
    assertThat(summary.duplicates()).isEqualTo(1);
    assertThat(summary.conflictingCopies()).isEqualTo(1);
    List<Map<String, Object>> versions = rows(temp.resolve("store"),
        "SELECT source_file, source_record, kept, differing_fields, length(record_sha256) AS hash_length "
            + "FROM conflicts ORDER BY source_file");
    assertThat(versions).containsExactly(
        Map.of("source_file", "a/trail.json", "source_record", 0L, "kept", true, "differing_fields", "",
            "hash_length", 64L),
        Map.of("source_file", "b/export.jsonl", "source_record", 0L, "kept", false,
            "differing_fields", "request_parameters.granteePrincipal,source_ip_address", "hash_length", 64L));
    assertThat(count(temp.resolve("store"), "SELECT count(*) FROM conflicts WHERE verified IS NOT NULL"))
        .as("ingest checks no digests").isZero();
    assertThat(rows(temp.resolve("store"), "SELECT source_file, source_ip_address FROM events"))
        .containsExactly(Map.of("source_file", "a/trail.json", "source_ip_address", "lambda.amazonaws.com"));
  }

  @Test
  void findsATwinThatArrivesInALaterRunAgainstTheStoredCopy() throws Exception {
    JsonNode record = grantRecord();
    Path store = temp.resolve("store");
    TestStores.ingest(store, write("first/trail.json", "{\"Records\":[" + record + "]}"));
    ObjectNode twin = record.deepCopy();
    twin.put("eventTime", "2025-03-04T10:00:03Z");

    IngestSummary second = TestStores.ingest(store, write("second/trail.json", "{\"Records\":[" + twin + "]}"));

    assertThat(second.duplicates()).isEqualTo(1);
    assertThat(second.conflictingCopies()).isEqualTo(1);
    assertThat(rows(store, "SELECT kept, differing_fields FROM conflicts ORDER BY kept DESC"))
        .as("the copy of the earlier run stays in the events view")
        .containsExactly(Map.of("kept", true, "differing_fields", ""),
            Map.of("kept", false, "differing_fields", "event_time"));
  }
}
