package io.trailsleuth.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailsleuth.cli.CliRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Logs whose role, function and user names, user agents and error messages carry markdown, Mermaid, HTML and SQL
 * metacharacters: the reports keep their structure and no log text becomes markup.
 */
class HostileStringsTest {
  @TempDir
  static Path temp;

  private static String markdown;
  private static String html;
  private static String findings;

  @BeforeAll
  static void investigate() throws Exception {
    Path logs = temp.resolve("logs");
    ReportStories.hostile().write(logs, "hostile.jsonl");
    CliRun run = CliRun.of("investigate", logs.toString(), "-q", "--out", temp.resolve("report.md").toString(),
        "--html", temp.resolve("report.html").toString(), "--json", temp.resolve("findings.json").toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    markdown = Files.readString(temp.resolve("report.md"), StandardCharsets.UTF_8);
    html = Files.readString(temp.resolve("report.html"), StandardCharsets.UTF_8);
    findings = Files.readString(temp.resolve("findings.json"), StandardCharsets.UTF_8);
  }

  @Test
  void hostileNamesReachTheAnalysis() {
    assertThat(findings).contains("\"functionName\" : \"fnx|y`z<script>alert(1)</script>-->[x](y)*_~\\n'); DROP TABLE");
    assertThat(findings).contains("\"confidence\" : \"confirmed\"");
    assertThat(markdown).contains("| remediated |");
  }

  @Test
  void everyMarkdownTableRowHasItsHeadersNumberOfCells() {
    List<String> lines = MarkdownStructure.outsideFences(markdown);
    int tables = 0;
    for (int i = 0; i + 1 < lines.size(); i++) {
      if (lines.get(i).startsWith("| ") && lines.get(i + 1).startsWith("| ---")) {
        tables++;
        int cells = MarkdownStructure.cellCount(lines.get(i));
        for (int row = i + 1; row < lines.size() && lines.get(row).startsWith("|"); row++) {
          assertThat(MarkdownStructure.cellCount(lines.get(row))).as(lines.get(row)).isEqualTo(cells);
          assertThat(lines.get(row)).as("a row ends its last cell").endsWith(" |");
        }
      }
    }
    assertThat(tables).as("impact, timeline and evidence tables").isGreaterThanOrEqualTo(3);
  }

  @Test
  void pipesInCodeSpansAreEscapedInTableRowsOnly() {
    int prose = 0;
    int rows = 0;
    for (String line : MarkdownStructure.outsideFences(markdown)) {
      for (String span : MarkdownStructure.codeSpans(line)) {
        if (line.startsWith("|")) {
          rows++;
          assertThat(span).as(line).doesNotContainPattern("(?<!\\\\)\\|");
        } else if (span.contains("|")) {
          prose++;
          assertThat(span).as(line).doesNotContain("\\|");
        }
      }
    }
    assertThat(prose).as("code spans with a pipe outside tables").isGreaterThanOrEqualTo(3);
    assertThat(rows).as("code spans in table rows").isGreaterThanOrEqualTo(3);
    assertThat(markdown).contains("Role `exec" + ReportStories.HOSTILE.substring(0, 3));
  }

  @Test
  void logTextOutsideCodeSpansCannotOpenHtmlLinksOrEmphasis() {
    for (String line : MarkdownStructure.outsideFences(markdown)) {
      String text = MarkdownStructure.withoutCodeSpans(line);
      assertThat(text.toLowerCase(Locale.ROOT)).as(line).doesNotContain("<script").doesNotContain("</");
      assertThat(text).as(line).doesNotContainPattern("(?<!\\\\)\\]\\(").doesNotContain("<!--");
    }
  }

  @Test
  void logTextCannotAddHeadingsOrCloseFences() {
    assertThat(markdown.lines().filter(l -> l.startsWith("#")))
        .allMatch(l -> l.equals("# Incident report: Lambda functions broken by IAM role re-creation") || l.startsWith("## "));
    assertThat(markdown.lines().filter(l -> l.startsWith("```")).count() % 2).isZero();
    for (List<String> block : MarkdownStructure.fences(markdown, "sh")) {
      assertThat(block).allMatch(l -> l.startsWith("aws lambda ")).noneMatch(l -> l.contains("`"));
    }
  }

  @Test
  void mermaidLabelsCarryNoArrowsNewlinesOrDirectives() {
    List<List<String>> diagrams = MarkdownStructure.fences(markdown, "mermaid");
    assertThat(diagrams).hasSize(1);
    for (List<String> diagram : diagrams) {
      assertThat(diagram.get(0)).isEqualTo("sequenceDiagram");
      for (String line : diagram.subList(1, diagram.size())) {
        Matcher parts = Pattern.compile("  (participant [A-Z] as |[A-Z]->>[A-Z]: )(.*)").matcher(line);
        assertThat(parts.matches()).as(line).isTrue();
        assertThat(parts.group(2)).as(line).doesNotContain("--").doesNotContain(">").doesNotContain("<")
            .doesNotContain(";").doesNotContain("%%").doesNotContain("#").doesNotContain("`");
      }
    }
  }

  @Test
  void htmlCarriesNoMarkupFromLogs() {
    assertThat(html.toLowerCase(Locale.ROOT)).doesNotContain("<script").doesNotContain("-->").doesNotContain("<!--");
    assertThat(html).contains("fnx|y`z&lt;script&gt;alert(1)&lt;/script&gt;--&gt;[x](y)*_~");
  }

  @Test
  void htmlTagsBalanceAndEverySvgIsWellFormedXml() throws Exception {
    for (String tag : List.of("html", "head", "body", "div", "section", "main", "nav", "table", "thead", "tbody", "tr",
        "td", "th", "ul", "ol", "li", "p", "code", "pre", "strong", "h1", "h2", "h3", "figure", "figcaption", "details",
        "summary", "svg", "g", "text", "title", "dl", "dt", "dd", "a", "span", "footer", "style")) {
      assertThat(count(html, "<" + tag + "[ >]")).as("<%s> opened and closed", tag).isEqualTo(count(html, "</" + tag + ">"));
    }
    assertThat(SvgCharts.parseAll(html)).isEqualTo(1);
  }

  @Test
  void browserBuildsNoScriptElementFromTheHostilePage() throws Exception {
    Path chromium = HeadlessChromium.find();
    Assumptions.assumeTrue(chromium != null, "chromium is not installed (.ci/run installs it)");

    HeadlessChromium.Output output = HeadlessChromium.run(chromium, temp, temp.resolve("report.html"), "--dump-dom");

    assertThat(output.stdout()).contains("<svg").doesNotContain("<script");
    assertThat(output.stderr()).doesNotContain("CONSOLE").doesNotContain("Refused to");
  }

  private static long count(String text, String regex) {
    return Pattern.compile(regex).matcher(text).results().count();
  }
}
