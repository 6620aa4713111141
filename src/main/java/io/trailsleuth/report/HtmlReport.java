package io.trailsleuth.report;

import static io.trailsleuth.report.HtmlText.escape;

import io.trailsleuth.analysis.Findings;
import io.trailsleuth.analysis.policy.PolicyDrift;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the incident report as one self-contained HTML page: the markdown report's content, inline CSS with a
 * print stylesheet, an inline SVG Decrypt timeline per broken or at-risk function and a calls timeline per broken or
 * at-risk policy. No scripts, no external files.
 */
public final class HtmlReport {
  private static final String STYLE = resource("report.css");

  private HtmlReport() {}

  /** Renders the report and writes it to a file as UTF-8. */
  public static void write(Path file, Connection connection, Findings findings, ReportContext context)
      throws SQLException, IOException {
    Files.writeString(file, render(connection, findings, context), StandardCharsets.UTF_8);
  }

  /** The page; byte-identical for the same store, findings and context. */
  public static String render(Connection connection, Findings findings, ReportContext context) throws SQLException {
    return render(connection, findings, context, MarkdownReport.render(findings, context));
  }

  /**
   * The page made from {@code markdown}, the text {@link MarkdownReport#render} gave for the same findings and context,
   * for a caller that writes the markdown report too and renders it once.
   */
  public static String render(Connection connection, Findings findings, ReportContext context, String markdown)
      throws SQLException {
    List<String> breakageCharts = new ArrayList<>();
    for (int i = 0; i < findings.breakages().size(); i++) {
      breakageCharts.add(DecryptCharts.forBreakage(connection, findings.breakages().get(i), findings.coverage(), i));
    }
    StringBuilder atRiskCharts = new StringBuilder();
    for (int i = 0; i < findings.atRisk().size(); i++) {
      atRiskCharts.append("<h3>Decrypts of at-risk function <code>").append(escape(findings.atRisk().get(i).functionName()))
          .append("</code></h3>\n")
          .append(DecryptCharts.forAtRisk(connection, findings.atRisk().get(i), findings, i));
    }
    List<String> policyCharts = new ArrayList<>();
    List<PolicyDrift> openPolicies = PolicyDriftSection.open(findings.policyDrift());
    for (int i = 0; i < openPolicies.size(); i++) {
      policyCharts.add(PolicyDriftCharts.figure(connection, openPolicies.get(i), findings.coverage(), i));
    }
    Figures figures = new Figures(breakageCharts, atRiskCharts.toString(), policyCharts);
    MarkdownHtml.Result body = MarkdownHtml.convert(markdown, figures);
    StringBuilder page = new StringBuilder();
    page.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<meta name=\"generator\" content=\"trailsleuth ").append(escape(context.toolVersion())).append("\">\n")
        .append("<title>").append(escape(body.titleText())).append("</title>\n")
        .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
    page.append("<div class=\"page\">\n<div class=\"banner\">CloudTrail forensics · trailsleuth ")
        .append(escape(context.toolVersion())).append(" · ").append(Durations.time(findings.coverage().firstEventTime()))
        .append(" to ").append(Durations.time(findings.coverage().lastEventTime())).append("</div>\n");
    page.append("<h1>").append(body.title()).append("</h1>\n");
    facts(page, findings);
    page.append("<nav class=\"contents\" aria-label=\"Contents\"><strong>Contents</strong><ol>\n");
    for (MarkdownHtml.Heading heading : body.headings()) {
      page.append("<li><a href=\"#").append(heading.id()).append("\">").append(escape(heading.text())).append("</a></li>\n");
    }
    page.append("</ol></nav>\n<main>\n").append(body.html());
    if (!figures.atRiskPlaced && !atRiskCharts.isEmpty()) {
      page.append("<section>\n").append(atRiskCharts).append("</section>\n");
    }
    page.append("</main>\n<footer>Input manifest SHA-256 <code>").append(escape(context.manifestHash()))
        .append("</code>. The same input gives this page byte for byte; no time in it comes from the clock.</footer>\n")
        .append("</div>\n</body>\n</html>\n");
    return page.toString();
  }

  private static void facts(StringBuilder page, Findings findings) {
    page.append("<dl class=\"facts\">\n");
    fact(page, findings.breakages().size(), "broken function(s)", findings.breakages().isEmpty() ? "ok" : "bad");
    fact(page, findings.atRisk().size(), "at risk", findings.atRisk().isEmpty() ? "ok" : "warn");
    fact(page, findings.unexplainedDecryptFailures().size(), "unexplained denied principal(s)",
        findings.unexplainedDecryptFailures().isEmpty() ? "ok" : "warn");
    fact(page, findings.deletedRoles().size(), "role(s) deleted, not re-created", findings.deletedRoles().isEmpty() ? "ok" : "warn");
    if (!findings.policyDrift().isEmpty()) {
      long open = PolicyDriftSection.open(findings.policyDrift()).size();
      fact(page, open, "policy(ies) broken or at risk", open == 0 ? "ok" : "bad");
    }
    fact(page, findings.coverage().events(), "events analysed", "neutral");
    page.append("</dl>\n");
  }

  private static void fact(StringBuilder page, long count, String label, String tone) {
    page.append("<div class=\"fact ").append(tone).append("\"><dt>").append(count).append("</dt><dd>").append(label)
        .append("</dd></div>\n");
  }

  /** Puts each broken function's chart where its Mermaid diagram is, and at-risk charts under "At risk…". */
  private static final class Figures implements MarkdownHtml.Figures {
    private final List<String> breakageCharts;
    private final String atRiskCharts;
    private final List<String> policyCharts;
    private boolean atRiskPlaced;
    private int policiesPlaced;

    Figures(List<String> breakageCharts, String atRiskCharts, List<String> policyCharts) {
      this.breakageCharts = breakageCharts;
      this.atRiskCharts = atRiskCharts;
      this.policyCharts = policyCharts;
    }

    @Override
    public String mermaid(int index, String source) {
      String chart = index < breakageCharts.size() ? breakageCharts.get(index) : "";
      return chart + "<details class=\"diagram-source\"><summary>Sequence diagram (Mermaid source, as GitHub renders it "
          + "from the markdown report)</summary>\n<pre><code>" + escape(source) + "</code></pre></details>\n";
    }

    @Override
    public String endOfSection(String heading) {
      if (!atRiskPlaced && heading.startsWith("At risk")) {
        atRiskPlaced = true;
        return atRiskCharts;
      }
      if (heading.startsWith(PolicyDriftSection.HEADING) && policiesPlaced < policyCharts.size()) {
        return policyCharts.get(policiesPlaced++);
      }
      return "";
    }
  }

  private static String resource(String name) {
    try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name + "; the jar is incomplete");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
