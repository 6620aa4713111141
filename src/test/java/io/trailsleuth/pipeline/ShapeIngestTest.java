package io.trailsleuth.pipeline;

import static io.trailsleuth.pipeline.TestStores.fixture;
import static io.trailsleuth.pipeline.TestStores.rows;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One hand-anonymised fixture per export shape: detected by content, stored with the same column values. */
final class ShapeIngestTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String CREATE_GRANT_ID = "a7f3c2d1-5e6b-4a98-8c7d-0e1f2a3b4c5d";
  private static final String COLUMNS = "SELECT event_id, event_id_derived, strftime(event_time, '%Y-%m-%dT%H:%M:%SZ') AS event_time, "
      + "event_source, event_name, aws_region, recipient_account_id, user_identity_type, user_identity_principal_id, "
      + "user_identity_arn, user_identity_account_id, user_identity_access_key_id, session_issuer_type, "
      + "session_issuer_principal_id, session_issuer_arn, session_issuer_user_name, session_mfa_authenticated, "
      + "invoked_by, source_ip_address, user_agent, read_only, management_event, event_type, event_category, "
      + "request_id, request_parameters, response_elements, resources, extra_fields, source_shape, source_file "
      + "FROM events";

  @TempDir
  Path temp;

  @ParameterizedTest(name = "{0} is {1} with {2} records")
  @CsvSource({
      "trail-records/compact.json, trail-records, 2",
      "trail-records/pretty.json, trail-records, 3",
      "bare-array/records.json, bare-array, 2",
      "single-record/record.json, single-record, 1",
      "json-lines/records.jsonl, json-lines, 3",
      "concatenated/records.json, json-lines, 2",
      "lookup-events/lookup-events.json, lookup-events, 2",
      "lookup-event-lines/lookup-events.jsonl, lookup-event-lines, 2",
      "eventbridge/event.json, eventbridge, 1",
      "cloudwatch-export/export.log, cloudwatch-export, 2"
  })
  void detectsShapeByContentAndStoresEveryRecord(String file, String shape, long records) throws Exception {
    Path store = temp.resolve("store");
    IngestSummary summary = TestStores.ingest(store, fixture(file));

    assertThat(TestStores.entries(store, summary)).singleElement().satisfies(entry -> {
      assertThat(entry.shape()).isEqualTo(shape);
      assertThat(entry.status()).isEqualTo("ingested");
      assertThat(entry.recordsRead()).isEqualTo(records);
      assertThat(entry.stored()).isEqualTo(records);
      assertThat(entry.compression()).isEqualTo("none");
    });
    assertThat(rows(store, "SELECT DISTINCT source_shape FROM events")).containsExactly(Map.of("source_shape", shape));
    assertThat(rows(store, "SELECT source_record FROM events ORDER BY source_record"))
        .extracting(row -> row.get("source_record"))
        .containsExactlyElementsOf(java.util.stream.LongStream.range(0, records).boxed().toList());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "trail-records/compact.json",
      "trail-records/pretty.json",
      "single-record/record.json",
      "json-lines/records.jsonl",
      "concatenated/records.json",
      "lookup-events/lookup-events.json",
      "lookup-event-lines/lookup-events.jsonl",
      "eventbridge/event.json",
      "cloudwatch-export/export.log"
  })
  void storesTheSameColumnValuesForTheSameRecordInEveryShape(String file) throws Exception {
    Path store = temp.resolve("store");
    TestStores.ingest(store, fixture(file));

    List<Map<String, Object>> found = rows(store, COLUMNS + " WHERE event_id = ?", CREATE_GRANT_ID);
    assertThat(found).hasSize(1);
    Map<String, Object> row = found.get(0);
    assertThat(row)
        .containsEntry("event_id_derived", false)
        .containsEntry("event_time", "2025-03-04T10:00:02Z")
        .containsEntry("event_source", "kms.amazonaws.com")
        .containsEntry("event_name", "CreateGrant")
        .containsEntry("aws_region", "eu-west-1")
        .containsEntry("recipient_account_id", "210987654321")
        .containsEntry("user_identity_type", "AssumedRole")
        .containsEntry("user_identity_principal_id", "AROAQ3DEPLOYER0000001:deploy-session")
        .containsEntry("user_identity_arn", "arn:aws:sts::210987654321:assumed-role/ci-deployer/deploy-session")
        .containsEntry("user_identity_account_id", "210987654321")
        .containsEntry("user_identity_access_key_id", "ASIAQ3EXAMPLE0000001")
        .containsEntry("session_issuer_type", "Role")
        .containsEntry("session_issuer_principal_id", "AROAQ3DEPLOYER0000001")
        .containsEntry("session_issuer_arn", "arn:aws:iam::210987654321:role/ci-deployer")
        .containsEntry("session_issuer_user_name", "ci-deployer")
        .containsEntry("session_mfa_authenticated", false)
        .containsEntry("invoked_by", "lambda.amazonaws.com")
        .containsEntry("source_ip_address", "lambda.amazonaws.com")
        .containsEntry("read_only", false)
        .containsEntry("management_event", true)
        .containsEntry("event_type", "AwsApiCall")
        .containsEntry("event_category", "Management")
        .containsEntry("request_id", "4e0c8a52-1f33-4c6e-9d7e-2b1a7c9e0d11");
    assertThat(row.get("extra_fields")).isNull();

    JsonNode original = MAPPER.readTree(fixture("single-record/record.json").toFile());
    assertThat(MAPPER.readTree((String) row.get("request_parameters"))).isEqualTo(original.get("requestParameters"));
    assertThat(MAPPER.readTree((String) row.get("response_elements"))).isEqualTo(original.get("responseElements"));
    assertThat(MAPPER.readTree((String) row.get("resources"))).isEqualTo(original.get("resources"));
  }

  @Test
  void readsReadOnlyFromTheStringTrueAndKeepsUnknownTopLevelFieldsInExtraFields() throws Exception {
    Path store = temp.resolve("store");
    TestStores.ingest(store, fixture("json-lines/records.jsonl"));

    Map<String, Object> row = rows(store, COLUMNS + " WHERE event_id = ?", "3c4d5e6f-7081-4923-8b4c-5d6e7f8091a2").get(0);
    assertThat(row).containsEntry("read_only", true).containsEntry("event_name", "Decrypt");
    assertThat(row.get("request_parameters")).as("a JSON null is no parameters").isNull();
    assertThat(MAPPER.readTree((String) row.get("extra_fields")))
        .isEqualTo(MAPPER.readTree("{\"addendum\":{\"reason\":\"DELIVERY_DELAY\",\"updatedFields\":\"eventTime\"}}"));
  }

  @Test
  void storesAnAwsServiceIdentityWithoutSessionIssuer() throws Exception {
    Path store = temp.resolve("store");
    TestStores.ingest(store, fixture("bare-array/records.json"));

    Map<String, Object> row = rows(store, COLUMNS + " WHERE event_name = 'AssumeRole'").get(0);
    assertThat(row)
        .containsEntry("user_identity_type", "AWSService")
        .containsEntry("invoked_by", "lambda.amazonaws.com")
        .containsEntry("session_issuer_arn", null)
        .containsEntry("user_identity_principal_id", null)
        .containsEntry("event_time", "2025-03-05T14:20:30Z");
  }

  @Test
  void labelsEveryRecordOfAJsonLinesFileAsJsonLinesIncludingTheFirst() throws Exception {
    Path store = temp.resolve("store");
    TestStores.ingest(store, fixture("json-lines/records.jsonl"));

    assertThat(rows(store, "SELECT source_record, source_shape FROM events ORDER BY source_record"))
        .extracting(row -> row.get("source_shape"))
        .containsExactly("json-lines", "json-lines", "json-lines");
  }

  @Test
  void readsAGzippedTrailFileAndRecordsItsCompression() throws Exception {
    Path gz = TestStores.gzip(Files.readAllBytes(fixture("trail-records/compact.json")),
        temp.resolve("in/210987654321_CloudTrail_eu-west-1_20250304T1000Z_a1b2c3d4e5f6a7b8.json.gz"));
    Path store = temp.resolve("store");

    IngestSummary summary = TestStores.ingest(store, gz);

    assertThat(TestStores.entries(store, summary)).singleElement().satisfies(entry -> {
      assertThat(entry.shape()).isEqualTo("trail-records");
      assertThat(entry.compression()).isEqualTo("gzip");
      assertThat(entry.stored()).isEqualTo(2);
      assertThat(entry.decompressedBytes()).isEqualTo(Files.size(fixture("trail-records/compact.json")));
    });
    assertThat(TestStores.count(store, "SELECT count(*) FROM events WHERE event_id = ?", CREATE_GRANT_ID)).isEqualTo(1);
  }
}
