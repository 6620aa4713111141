package io.trailsleuth.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trailsleuth.analysis.Coverage;
import io.trailsleuth.analysis.Findings;
import io.trailsleuth.analysis.SnapshotFile;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The findings JSON's members for values the findings do not know: present, and null. */
final class FindingsJsonTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Coverage COVERAGE = new Coverage(1, 1, 1, 0, 0, 0, 1, 0, Instant.parse("2026-03-01T09:00:00Z"),
      Instant.parse("2026-03-01T09:00:00Z"), List.of("111122223333"), List.of("us-east-1"), List.of());

  @Test
  void listsEachSnapshotFileWithANullInputRootWhenMadeWithoutAStore() throws Exception {
    Findings findings = new Findings(COVERAGE, List.of(), List.of(), List.of(), List.of(),
        List.of(new SnapshotFile("kms-list-grants.json", "ab".repeat(32), "kms-list-grants", 2)));

    JsonNode snapshot = MAPPER.readTree(FindingsJson.write(findings)).path("snapshots").get(0);

    assertThat(snapshot.has("inputRoot")).isTrue();
    assertThat(snapshot.path("inputRoot").isNull()).isTrue();
    assertThat(snapshot.path("file").asText()).isEqualTo("kms-list-grants.json");
  }
}
