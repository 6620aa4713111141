package io.trailsleuth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The timeline's source files where two input roots hold different files at one path: named under their root. */
final class TwoInputRootsTimelineTest extends TwoRootArchive {
  @ParameterizedTest(name = "tampered root first: {0}")
  @ValueSource(booleans = {true, false})
  void timelineNamesTheSourceFileUnderItsInputRootWhereTwoRootsHoldDifferentFilesAtItsPath(boolean tamperedFirst)
      throws IOException {
    Path store = temp.resolve("store");
    List<Path> roots = tamperedFirst ? List.of(tampered, genuine) : List.of(genuine, tampered);
    assertThat(CliRun.of("ingest", "-q", roots.get(0).toString(), roots.get(1).toString(), "--store",
        store.toString()).exitCode()).isZero();

    CliRun timeline = CliRun.of("timeline", "--store", store.toString(), "--format", "jsonl");

    assertThat(timeline.exitCode()).as(timeline.err()).isZero();
    List<JsonNode> rows = new ArrayList<>();
    for (String line : timeline.out().lines().toList()) {
      rows.add(MAPPER.readTree(line));
    }
    JsonNode created = rows.stream().filter(row -> row.path("event_id").asText().equals(CREATE_ROLE)).findFirst()
        .orElseThrow();
    // the file named is the copy the stored version was read from
    String stored = CliRun.of("query", "--store", store.toString(), "--format", "csv",
        "select source_sha256 from events where event_id = '" + CREATE_ROLE + "'").out().lines().toList().get(1);
    assertThat(created.path("source_file").asText()).isIn(genuine.resolve(IAM_FILE).toString(),
        tampered.resolve(IAM_FILE).toString());
    assertThat(sha256OnDisk(Path.of(created.path("source_file").asText()))).isEqualTo(stored);
    // a path only one root's files were read at keeps its relative path
    assertThat(rows).filteredOn(row -> !row.path("source_file").asText().endsWith(IAM_FILE)).isNotEmpty()
        .allSatisfy(row -> assertThat(row.path("source_file").asText()).startsWith("AWSLogs/"));
  }
}
