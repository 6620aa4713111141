package io.trailsleuth.report;

import static io.trailsleuth.report.HtmlText.escape;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts the markdown subset that {@link MarkdownReport} writes (headings, paragraphs, GFM tables, nested
 * lists, fences, code spans, bold, backslash escapes, entities) to HTML. No raw HTML is passed through: every
 * character of text leaves through {@link HtmlText#escape}, so log text cannot inject markup.
 */
final class MarkdownHtml {
  /** What the HTML report adds around the converted text. */
  interface Figures {
    /** HTML that replaces the n-th (0-based) Mermaid block. */
    String mermaid(int index, String source);

    /** HTML appended at the end of the section under this level-2 heading (plain text). */
    String endOfSection(String heading);
  }

  /** A level-2 heading and its anchor, for the table of contents. */
  record Heading(String id, String text) {}

  private final List<String> lines;
  private final Figures figures;
  private final StringBuilder out = new StringBuilder();
  private final List<Heading> headings = new ArrayList<>();
  private final Map<String, Integer> ids = new HashMap<>();
  private String title = "";
  private String titleText = "";
  private String openSection;
  private int mermaids;
  private int at;

  private MarkdownHtml(String markdown, Figures figures) {
    this.lines = List.of(markdown.split("\n", -1));
    this.figures = figures;
  }

  /** The first level-1 heading as HTML (not repeated in the body), the body HTML and the level-2 headings in order. */
  record Result(String title, String titleText, String html, List<Heading> headings) {}

  static Result convert(String markdown, Figures figures) {
    MarkdownHtml converter = new MarkdownHtml(markdown, figures);
    converter.blocks();
    return new Result(converter.title, converter.titleText, converter.out.toString(), List.copyOf(converter.headings));
  }

  private void blocks() {
    while (at < lines.size()) {
      String line = lines.get(at);
      if (line.isBlank()) {
        at++;
      } else if (line.startsWith("```")) {
        fence(line.substring(3).strip());
      } else if (line.matches("#{1,6} .*")) {
        heading(line);
      } else if (line.startsWith("|") && at + 1 < lines.size() && lines.get(at + 1).matches("\\|( *:?-+:? *\\|)+ *")) {
        table();
      } else if (line.matches(" *- .*")) {
        list();
      } else {
        paragraph();
      }
    }
    closeSection();
  }

  private void heading(String line) {
    int level = 0;
    while (level < line.length() && line.charAt(level) == '#') {
      level++;
    }
    String text = line.substring(level).strip();
    at++;
    if (level == 2) {
      closeSection();
      String plain = MarkdownInline.plain(text);
      String id = uniqueId(HtmlText.slug(plain));
      headings.add(new Heading(id, plain));
      openSection = plain;
      out.append("<section id=\"").append(id).append("\">\n<h2>").append(MarkdownInline.html(text)).append("</h2>\n");
      return;
    }
    if (level == 1 && title.isEmpty()) {
      title = MarkdownInline.html(text);
      titleText = MarkdownInline.plain(text);
      return;
    }
    int tag = Math.min(Math.max(level, 1), 6);
    out.append("<h").append(tag).append('>').append(MarkdownInline.html(text)).append("</h").append(tag).append(">\n");
  }

  private String uniqueId(String base) {
    int seen = ids.merge(base, 1, Integer::sum);
    return seen == 1 ? base : base + "-" + seen;
  }

  private void closeSection() {
    if (openSection != null) {
      out.append(figures.endOfSection(openSection)).append("</section>\n");
      openSection = null;
    }
  }

  private void fence(String language) {
    StringBuilder source = new StringBuilder();
    at++;
    while (at < lines.size() && !lines.get(at).startsWith("```")) {
      source.append(lines.get(at)).append('\n');
      at++;
    }
    at++;
    if (language.equals("mermaid")) {
      out.append(figures.mermaid(mermaids++, source.toString()));
      return;
    }
    out.append("<pre><code>").append(escape(source.toString())).append("</code></pre>\n");
  }

  private void table() {
    List<String> header = MarkdownInline.cells(lines.get(at));
    at += 2;
    out.append("<div class=\"table\"><table>\n<thead><tr>");
    for (String cell : header) {
      out.append("<th>").append(MarkdownInline.html(cell)).append("</th>");
    }
    out.append("</tr></thead>\n<tbody>\n");
    while (at < lines.size() && lines.get(at).startsWith("|")) {
      List<String> cells = MarkdownInline.cells(lines.get(at));
      out.append("<tr>");
      for (int i = 0; i < header.size(); i++) {
        String cell = i < cells.size() ? cells.get(i) : "";
        String plain = MarkdownInline.plain(cell);
        String status = switch (plain) {
          case "broken", "remediated", "at risk", "none found", "verified", "tampered", "missing" -> plain;
          default -> null;
        };
        out.append(status == null ? "<td>" : "<td><span class=\"status " + HtmlText.slug(status) + "\">")
            .append(MarkdownInline.html(cell)).append(status == null ? "</td>" : "</span></td>");
      }
      out.append("</tr>\n");
      at++;
    }
    out.append("</tbody>\n</table></div>\n");
  }

  private void list() {
    int depth = 0;
    while (at < lines.size() && lines.get(at).matches(" *- .*")) {
      String line = lines.get(at);
      int indent = line.indexOf('-') / 2 + 1;
      if (indent > depth) {
        while (depth < indent) {
          out.append(depth == 0 ? "<ul>\n" : "\n<ul>\n");
          depth++;
        }
      } else {
        out.append("</li>\n");
        while (depth > indent) {
          out.append("</ul></li>\n");
          depth--;
        }
      }
      out.append("<li>").append(MarkdownInline.html(line.strip().substring(2)));
      at++;
    }
    out.append("</li>\n");
    while (depth > 1) {
      out.append("</ul></li>\n");
      depth--;
    }
    out.append("</ul>\n");
  }

  private void paragraph() {
    StringBuilder text = new StringBuilder(lines.get(at++).strip());
    while (at < lines.size() && !lines.get(at).isBlank() && !lines.get(at).startsWith("```")
        && !lines.get(at).matches("#{1,6} .*") && !lines.get(at).startsWith("|") && !lines.get(at).matches(" *- .*")) {
      text.append(' ').append(lines.get(at).strip());
      at++;
    }
    out.append("<p>").append(MarkdownInline.html(text.toString())).append("</p>\n");
  }
}
