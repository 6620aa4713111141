package io.trailsleuth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TimelineCommandTest {
  private static final Path SAMPLE = Path.of("sample-logs");

  @Test
  void collapsesDeniedDecryptsIntoOneRunBetweenRecreationAndFix() {
    CliRun result = CliRun.of("timeline", SAMPLE.toString(), "--function", "billing-worker", "--format", "csv");

    assertThat(result.exitCode()).isZero();
    String csv = result.out();
    assertThat(csv).contains("DeleteRole").contains("CreateRole").contains("UpdateFunctionConfiguration20150331v2");
    assertThat(csv.lines().filter(line -> line.contains(",Decrypt denied,"))).hasSize(1);
    assertThat(csv.lines().filter(line -> line.contains(",Decrypt denied,")).findFirst().orElseThrow())
        .contains("30 denied under");
  }

  @Test
  void writesTimesketchLinesWithMessageDatetimeAndDescription() throws Exception {
    CliRun result = CliRun.of("timeline", SAMPLE.toString(), "--role", "billing-worker-exec", "--format", "timesketch");

    assertThat(result.exitCode()).isZero();
    ObjectMapper mapper = new ObjectMapper();
    for (String line : result.out().lines().toList()) {
      JsonNode node = mapper.readTree(line);
      assertThat(node.path("message").asText()).isNotBlank();
      assertThat(node.path("datetime").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
      assertThat(node.path("timestamp_desc").asText()).isEqualTo("Event Time");
      assertThat(node.path("events").isNumber()).as("events in %s", line).isTrue();
    }
    assertThat(result.out().lines()).isNotEmpty();
  }

  @Test
  void labelsConsoleChangesConsoleAndWritesTheConsoleFlagAsAJsonBoolean() throws Exception {
    CliRun result = CliRun.of("timeline", SAMPLE.toString(), "--function", "billing-worker", "--format", "jsonl");

    assertThat(result.exitCode()).as(result.err()).isZero();
    ObjectMapper mapper = new ObjectMapper();
    JsonNode consoleChange = result.out().lines().map(line -> readTree(mapper, line))
        .filter(node -> node.path("event_id").asText().startsWith("18b15d47")).findFirst().orElseThrow();
    assertThat(consoleChange.path("session_credential_from_console").isBoolean()).isTrue();
    assertThat(consoleChange.path("session_credential_from_console").asBoolean()).isTrue();
    assertThat(consoleChange.path("via").asText()).isEqualTo("console");
    String table = CliRun.of("timeline", SAMPLE.toString(), "--function", "billing-worker").out();
    assertThat(table.lines().filter(line -> line.contains("UpdateFunctionConfiguration")))
        .isNotEmpty().allSatisfy(line -> assertThat(line).contains("console").doesNotContain("unknown"));
  }

  private static JsonNode readTree(ObjectMapper mapper, String line) {
    try {
      return mapper.readTree(line);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void rejectsBothPathsAndStoreAsAUsageError() {
    CliRun result = CliRun.of("timeline", SAMPLE.toString(), "--store", "x");

    assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(result.err()).contains("either PATH");
  }

  @Test
  void saysThatSnapshotFilesHoldNoEventsToList() {
    CliRun result = CliRun.of("timeline", io.trailsleuth.pipeline.TestStores.fixture("config").toString());

    assertThat(result.exitCode()).isEqualTo(ExitCode.NOTHING_READ);
    assertThat(result.err()).contains("the 2 file(s) read held snapshot evidence only");
  }
}
