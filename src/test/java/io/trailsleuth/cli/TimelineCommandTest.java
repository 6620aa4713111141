package io.trailsleuth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TimelineCommandTest {
  private static final Path SAMPLE = Path.of("sample-logs");

  private static String[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    return new String[] {String.valueOf(code), out.toString(), err.toString()};
  }

  @Test
  void collapsesDeniedDecryptsIntoOneRunBetweenRecreationAndFix() {
    String[] result = run("timeline", SAMPLE.toString(), "--function", "billing-worker", "--format", "csv");

    assertThat(result[0]).isEqualTo("0");
    String csv = result[1];
    assertThat(csv).contains("DeleteRole").contains("CreateRole").contains("UpdateFunctionConfiguration20150331v2");
    assertThat(csv.lines().filter(line -> line.contains(",Decrypt denied,"))).hasSize(1);
    assertThat(csv.lines().filter(line -> line.contains(",Decrypt denied,")).findFirst().orElseThrow())
        .contains("30 denied under");
  }

  @Test
  void writesTimesketchLinesWithMessageDatetimeAndDescription() throws Exception {
    String[] result = run("timeline", SAMPLE.toString(), "--role", "billing-worker-exec", "--format", "timesketch");

    assertThat(result[0]).isEqualTo("0");
    ObjectMapper mapper = new ObjectMapper();
    for (String line : result[1].lines().toList()) {
      JsonNode node = mapper.readTree(line);
      assertThat(node.path("message").asText()).isNotBlank();
      assertThat(node.path("datetime").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
      assertThat(node.path("timestamp_desc").asText()).isEqualTo("Event Time");
      assertThat(node.path("events").isNumber()).as("events in %s", line).isTrue();
    }
    assertThat(result[1].lines()).isNotEmpty();
  }

  @Test
  void labelsConsoleChangesConsoleAndWritesTheConsoleFlagAsAJsonBoolean() throws Exception {
    String[] result = run("timeline", SAMPLE.toString(), "--function", "billing-worker", "--format", "jsonl");

    assertThat(result[0]).as(result[2]).isEqualTo("0");
    ObjectMapper mapper = new ObjectMapper();
    JsonNode consoleChange = result[1].lines().map(line -> readTree(mapper, line))
        .filter(node -> node.path("event_id").asText().startsWith("18b15d47")).findFirst().orElseThrow();
    assertThat(consoleChange.path("session_credential_from_console").isBoolean()).isTrue();
    assertThat(consoleChange.path("session_credential_from_console").asBoolean()).isTrue();
    assertThat(consoleChange.path("via").asText()).isEqualTo("console");
    String table = run("timeline", SAMPLE.toString(), "--function", "billing-worker")[1];
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
    String[] result = run("timeline", SAMPLE.toString(), "--store", "x");

    assertThat(result[0]).isEqualTo(String.valueOf(ExitCode.USAGE));
    assertThat(result[2]).contains("either PATH");
  }
}
