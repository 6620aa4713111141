package io.trailsleuth.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailsleuth.cli.CliRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTML report of the seed story: deterministic, with the markdown's sections and one chart per function. */
class HtmlReportTest {
  @TempDir
  Path temp;

  private String render(Path logs, Path page) throws Exception {
    CliRun run = CliRun.of("investigate", logs.toString(), "-q", "--html", page.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    return Files.readString(page, StandardCharsets.UTF_8);
  }

  @Test
  void rendersByteIdenticalPagesForTheSameInput() throws Exception {
    Path logs = temp.resolve("logs");
    ReportStories.sharedRoleAtRisk().write(logs, "story.jsonl");
    Path page = temp.resolve("report.html");

    String first = render(logs, page);
    String second = render(logs, page);

    assertThat(second).isEqualTo(first);
  }

  @Test
  void drawsOneChartPerBrokenAndAtRiskFunctionWithMarkersAndDeniedBars() throws Exception {
    Path logs = temp.resolve("logs");
    ReportStories.sharedRoleAtRisk().write(logs, "story.jsonl");

    String html = render(logs, temp.resolve("report.html"));

    assertThat(html).contains("id=\"chart-1\"", "id=\"risk-chart-1\"")
        .contains(">role deleted 10:14<", ">role re-created 10:14<", ">fix 13:07<", ">recovered 13:15<")
        .contains("<rect class=\"denied\"");
    assertThat(html).contains("<h2>Impact</h2>", "<h2>Root cause</h2>", "<h2>Evidence</h2>", "<h2>Reproduce</h2>");
  }
}
