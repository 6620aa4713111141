package io.trailsleuth.pipeline;

import static io.trailsleuth.pipeline.TestStores.count;
import static io.trailsleuth.pipeline.TestStores.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trailsleuth.store.SourceEntry;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ingests the real datasets under {@code ../shared/datasets} (read in place, never copied into the repo)
 * and checks the record counts their PROVENANCE.md files state. Skipped when the folder is absent.
 */
final class SharedDatasetsTest {
  @TempDir
  Path temp;

  Path datasets;
  Path store;

  @BeforeEach
  void locate() {
    String shared = System.getProperty("trailsleuth.shared");
    assumeTrue(shared != null && Files.isDirectory(Path.of(shared, "datasets")), "no shared datasets folder");
    datasets = Path.of(shared, "datasets");
    store = temp.resolve("store");
  }

  private Map<String, SourceEntry> ingest(String dataset) throws Exception {
    Path directory = datasets.resolve(dataset);
    assumeTrue(Files.isDirectory(directory), dataset + " is absent");
    IngestSummary summary = TestStores.ingest(store, directory);
    Accounting.assertBalanced(store, summary);
    assertThat(summary.conflictingCopies()).as("copies of one event across files and shapes are identical").isZero();
    assertThat(count(store, "SELECT count(*) FROM conflicts")).isZero();
    return TestStores.entries(store, summary).stream().collect(Collectors.toMap(SourceEntry::sourceFile, Function.identity()));
  }

  @Test
  void stratusDetonationLogsHold310RecordsInBareArrays() throws Exception {
    Map<String, SourceEntry> byFile = ingest("stratus-detonation-logs");

    List<SourceEntry> arrays = byFile.values().stream().filter(e -> e.shape().equals("bare-array")).toList();
    assertThat(arrays).hasSize(35);
    assertThat(arrays.stream().mapToLong(SourceEntry::recordsRead).sum()).isEqualTo(310);
    assertThat(arrays.stream().mapToLong(SourceEntry::rejected).sum()).isZero();
    assertThat(byFile.get("PROVENANCE.md").status()).isEqualTo("skipped");
    assertThat(count(store, "SELECT count(*) FROM events WHERE event_name = 'DescribeInstanceInformation'")).isEqualTo(112);
    assertThat(count(store, "SELECT count(*) FROM events WHERE event_name = 'GetPasswordData' "
        + "AND error_code = 'Client.UnauthorizedOperation'")).isEqualTo(30);
  }

  @Test
  void plasoLookupEventLinesHold6Records() throws Exception {
    SourceEntry lines = ingest("plaso-lookup-events").get("aws_cloudtrail.jsonl");

    assertThat(lines.shape()).isEqualTo("lookup-event-lines");
    assertThat(lines.recordsRead()).isEqualTo(6);
    assertThat(lines.stored()).isEqualTo(6);
    assertThat(count(store, "SELECT count(*) FROM events WHERE event_source = 'ec2.amazonaws.com'")).isEqualTo(6);
  }

  @Test
  void trailscraperGzipHolds2EventsTheSmokeFile3AndTheTopLevelJsonDuplicatesTheGzip() throws Exception {
    Map<String, SourceEntry> byFile = ingest("trailscraper-fixtures");

    SourceEntry gz = byFile.values().stream().filter(e -> e.sourceFile().endsWith(".json.gz")).findFirst().orElseThrow();
    SourceEntry json = byFile.values().stream()
        .filter(e -> e.sourceFile().startsWith("111111111111_CloudTrail") && e.sourceFile().endsWith(".json"))
        .findFirst().orElseThrow();
    assertThat(gz.compression()).isEqualTo("gzip");
    assertThat(gz.recordsRead()).isEqualTo(2);
    assertThat(json.recordsRead()).isEqualTo(2);
    assertThat(gz.stored() + json.stored()).as("the .json and the .gz hold the same two events").isEqualTo(2);
    assertThat(byFile.get("events-for-smoke-test.json").recordsRead()).isEqualTo(3);
    assertThat(count(store, "SELECT count(*) FROM events")).as("the smoke file repeats both events of the .gz")
        .isEqualTo(3);
  }

  @Test
  void lambdaGrantShenanigansRewrappedHolds3RecordsAndCliOutputIsSkipped() throws Exception {
    Map<String, SourceEntry> byFile = ingest("lambda-grant-shenanigans");

    assertThat(byFile.get("records-rewrapped.json").recordsRead()).isEqualTo(3);
    assertThat(byFile.get("records-rewrapped.json").rejected()).isZero();
    assertThat(rows(store, "SELECT event_name || ' ' || coalesce(error_code, '-') AS e FROM events ORDER BY 1"))
        .extracting(row -> row.get("e"))
        .containsExactly("AssumeRole -", "CreateGrant -", "Decrypt AccessDenied");
    assertThat(rows(store, "SELECT source_file FROM events ORDER BY 1")).extracting(row -> row.get("source_file"))
        .as("the single-record readme blocks come first in path order; the rewrapped copies are duplicates")
        .containsOnly("readme-blocks/03-cloudtrail-CreateGrant.json", "readme-blocks/05-cloudtrail-AssumeRole.json",
            "readme-blocks/06-cloudtrail-Decrypt-AccessDenied.json");
    assertThat(byFile.get("records-rewrapped.json").duplicates()).isEqualTo(3);
    assertThat(byFile.get("readme-blocks/08-kms-list-grants-after-role-recreation.json").status()).isEqualTo("snapshot");
    assertThat(byFile.get("readme-blocks/04-iam-create-role-cli-output.json").status()).isEqualTo("snapshot");
    assertThat(byFile.get("readme-blocks/00-lambda-invoke-cli-output.json").status()).isEqualTo("skipped");
    assertThat(byFile.get("readme-blocks/01-kms-list-aliases-output-as-printed.txt").status()).isEqualTo("skipped");
    assertThat(byFile.values()).extracting(SourceEntry::rejected).containsOnly(0L);
  }

  @Test
  void elasticFixturesHoldOneCreateFunctionRecordAndOneSkippedDigest() throws Exception {
    Map<String, SourceEntry> byFile = ingest("elastic-cloudtrail-fixtures");

    assertThat(byFile.get("test-create-lambda-json.log").stored()).isEqualTo(1);
    assertThat(byFile.get("test-cloudtrail-digest-json.log").status()).isEqualTo("skipped");
    assertThat(byFile.get("test-cloudtrail-digest-json.log").shape()).isEqualTo("cloudtrail-digest");
    assertThat(rows(store, "SELECT event_name, recipient_account_id FROM events"))
        .containsExactly(Map.of("event_name", "CreateFunction20150331", "recipient_account_id", "1010101010101"));
  }

  @Test
  void pantherRecordsUnwrappedFromTheirTestLinesAreEachStoredOrRejectedWithAReason() throws Exception {
    Path source = datasets.resolve("panther-cloudtrail-tests/panther_cloudtrail_tests.jsonl");
    assumeTrue(Files.isRegularFile(source), "panther dataset is absent");
    Path unwrapped = temp.resolve("panther/records.jsonl");
    Files.createDirectories(unwrapped.getParent());
    ObjectMapper mapper = new ObjectMapper();
    try (BufferedWriter out = Files.newBufferedWriter(unwrapped, StandardCharsets.UTF_8)) {
      for (String line : Files.readAllLines(source, StandardCharsets.UTF_8)) {
        if (!line.isBlank()) {
          JsonNode record = mapper.readTree(line).get("record");
          out.write(mapper.writeValueAsString(record));
          out.write('\n');
        }
      }
    }

    IngestSummary summary = TestStores.ingest(store, unwrapped);

    SourceEntry entry = TestStores.entries(store, summary).get(0);
    assertThat(entry.shape()).isEqualTo("json-lines");
    assertThat(entry.recordsRead()).isEqualTo(464);
    assertThat(entry.stored() + entry.duplicates() + entry.rejected()).isEqualTo(464);
    assertThat(count(store, "SELECT count(*) FROM rejects")).isEqualTo(entry.rejected());
    assertThat(count(store, "SELECT count(*) FROM rejects WHERE reason IS NULL OR reason = '' OR reason_code = ''"))
        .isZero();
    assertThat(rows(store, "SELECT DISTINCT reason_code FROM rejects ORDER BY 1")).extracting(row -> row.get("reason_code"))
        .as("hand-written tests without eventTime or with eventTime 'redacted'")
        .containsOnly("no-event-time", "wrong-type");
    assertThat(entry.stored()).isEqualTo(count(store, "SELECT count(DISTINCT event_id) FROM events"));
    assertThat(entry.duplicates()).as("Panther's hand-written tests reuse placeholder eventIDs").isPositive();
    assertThat(entry.stored() + entry.duplicates()).as("most Panther test records are well-formed").isGreaterThan(400);
    assertThat(summary.conflictingCopies()).as("the reused placeholder eventIDs carry different records")
        .isEqualTo(count(store, "SELECT count(*) FROM conflicts WHERE NOT kept AND differing_fields <> ''"))
        .isPositive()
        .isLessThanOrEqualTo(entry.duplicates());
    assertThat(count(store, "SELECT count(DISTINCT event_id) FROM conflicts WHERE kept"))
        .isEqualTo(count(store, "SELECT count(DISTINCT event_id) FROM conflicts"));
  }
}
