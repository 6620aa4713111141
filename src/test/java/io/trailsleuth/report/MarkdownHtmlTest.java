package io.trailsleuth.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailsleuth.common.MarkdownText;
import org.junit.jupiter.api.Test;

class MarkdownHtmlTest {
  private static final MarkdownHtml.Figures NONE = new MarkdownHtml.Figures() {
    @Override
    public String mermaid(int index, String source) {
      return "<figure>" + index + "</figure>";
    }

    @Override
    public String endOfSection(String heading) {
      return "";
    }
  };

  @Test
  void escapedCellTextBecomesTheOriginalTextEscapedForHtml() {
    String hostile = "a|b`c<script>alert(1)</script>-->[x](y)*_~&amp;";
    String row = "| " + MarkdownText.cell(hostile) + " | " + MarkdownText.cellCode(hostile) + " |";

    MarkdownHtml.Result result = MarkdownHtml.convert("## T\n\n| A | B |\n| --- | --- |\n" + row + "\n", NONE);

    String escaped = "a|b`c&lt;script&gt;alert(1)&lt;/script&gt;--&gt;[x](y)*_~&amp;amp;";
    assertThat(result.html()).contains("<td>" + escaped + "</td>")
        .contains("<td><code>" + escaped.replace("`", "\u02cb").replace("--&gt;", "-<wbr>-&gt;").substring(0, 8));
    assertThat(result.html()).doesNotContain("<script");
  }

  @Test
  void backslashBeforeAPipeStaysInItsCodeSpanInProseAndInTables() {
    String text = "a\\|b";
    String markdown = "## T\n\nRole " + MarkdownText.code(text) + " here.\n\n| A | B |\n| --- | --- |\n| "
        + MarkdownText.cellCode(text) + " | " + MarkdownText.cell(text) + " |\n";

    MarkdownHtml.Result result = MarkdownHtml.convert(markdown, NONE);

    assertThat(markdown).contains("Role `a\\|b` here.").contains("| `a\\\\|b` | a\\\\\\|b |");
    assertThat(result.html()).contains("<p>Role <code class=\"short\">a\\|b</code> here.</p>")
        .contains("<tr><td><code class=\"short\">a\\|b</code></td><td>a\\|b</td></tr>");
  }

  @Test
  void convertsHeadingsListsFencesAndBold() {
    String markdown = "# Title\n\n## Two words\n\nSome **bold `x`** text\nwrapped.\n\n- one\n  - nested\n- two\n\n"
        + "```sh\necho '<b>'\n```\n\n```mermaid\nsequenceDiagram\n```\n";

    MarkdownHtml.Result result = MarkdownHtml.convert(markdown, NONE);

    assertThat(result.title()).isEqualTo("Title");
    assertThat(result.headings()).containsExactly(new MarkdownHtml.Heading("two-words", "Two words"));
    assertThat(result.html()).isEqualTo("<section id=\"two-words\">\n<h2>Two words</h2>\n"
        + "<p>Some <strong>bold <code class=\"short\">x</code></strong> text wrapped.</p>\n"
        + "<ul>\n<li>one\n<ul>\n<li>nested</li>\n</ul></li>\n<li>two</li>\n</ul>\n"
        + "<pre><code>echo &#39;&lt;b&gt;&#39;\n</code></pre>\n<figure>0</figure></section>\n");
  }
}
