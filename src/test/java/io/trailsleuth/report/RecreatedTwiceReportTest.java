package io.trailsleuth.report;

import static io.trailsleuth.report.ReportStories.NEW;
import static io.trailsleuth.report.ReportStories.OLD;
import static io.trailsleuth.report.ReportStories.THIRD;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trailsleuth.cli.CliRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A role deleted and re-created twice: the per-function section (table, Mermaid, HTML) shows both deletions, both
 * re-creations and one denial run per generation, as {@code timeline} does; the findings JSON keeps its contract.
 */
final class RecreatedTwiceReportTest {
  @TempDir
  Path temp;

  private String markdown;
  private String html;
  private JsonNode json;

  @BeforeEach
  void investigate() throws Exception {
    Path logs = temp.resolve("logs");
    ReportStories.recreatedTwice().write(logs, "twice.jsonl");
    CliRun run = CliRun.of("investigate", logs.toString(), "-q", "--out", temp.resolve("report.md").toString(),
        "--html", temp.resolve("report.html").toString(), "--json", temp.resolve("findings.json").toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    markdown = Files.readString(temp.resolve("report.md"), StandardCharsets.UTF_8);
    html = Files.readString(temp.resolve("report.html"), StandardCharsets.UTF_8);
    json = new ObjectMapper().readTree(temp.resolve("findings.json").toFile());
  }

  private List<String> functionTableRows() {
    String section = markdown.substring(markdown.indexOf("## Function `twice`"));
    section = section.substring(0, section.indexOf("```mermaid"));
    return section.lines().filter(line -> line.startsWith("| 2026-")).toList();
  }

  @Test
  void tableShowsEveryDeletionAndRecreationOfTheRoleInOrder() {
    List<String> events = functionTableRows().stream().map(row -> row.split(" \\| ")[1]).toList();

    // the markdown cell escapes the parentheses
    String denials = "5 denied Decrypts \\(cold starts\\)";
    assertThat(events).containsExactly("CreateGrant", "DeleteRole", "CreateRole", denials, "DeleteRole", "CreateRole",
        denials, "UpdateFunctionConfiguration20150331v2", "Decrypt succeeded");
    assertThat(functionTableRows()).filteredOn(row -> row.contains("| DeleteRole |"))
        .satisfiesExactly(first -> assertThat(first).contains(OLD), second -> assertThat(second).contains(NEW));
  }

  @Test
  void tableShowsOneDenialRunPerGeneration() {
    assertThat(functionTableRows()).filteredOn(row -> row.contains("denied Decrypts")).satisfiesExactly(
        first -> assertThat(first).contains("from 2026-03-02 10:10:00 UTC to 2026-03-02 10:50:00 UTC under " + NEW),
        second -> assertThat(second).contains("from 2026-03-02 11:10:00 UTC to 2026-03-02 11:50:00 UTC under " + THIRD));
  }

  @Test
  void sequenceDiagramShowsBothDeletionsAndBothDenialRuns() {
    String mermaid = markdown.substring(markdown.indexOf("```mermaid"), markdown.indexOf("```\n", markdown.indexOf("```mermaid") + 3));

    assertThat(mermaid.lines().filter(line -> line.contains("DeleteRole"))).hasSize(2);
    assertThat(mermaid.lines().filter(line -> line.contains("CreateRole"))).hasSize(2);
    assertThat(mermaid.lines().filter(line -> line.contains("5 denied Decrypts"))).hasSize(2);
  }

  @Test
  void htmlShowsBothDenialRunsAndMarksBothDeletionsOnTheChart() {
    assertThat(html).contains("5 denied Decrypts (cold starts)", "under " + NEW, "under " + THIRD)
        .contains(">role deleted 10:00<", ">role deleted 11:00<");
  }

  @Test
  void findingsJsonKeepsOneBreakageWithAllTenDenialsAndBothRecreations() {
    JsonNode breakage = json.path("breakages").get(0);

    assertThat(json.path("breakages")).hasSize(1);
    assertThat(breakage.path("failedDecrypts").asLong()).isEqualTo(10);
    assertThat(breakage.path("oldRoleId").asText()).isEqualTo(OLD);
    assertThat(breakage.path("newRoleId").asText()).isEqualTo(NEW);
    assertThat(breakage.path("recreations").findValuesAsText("newRoleId")).containsExactly(NEW, THIRD);
  }
}
