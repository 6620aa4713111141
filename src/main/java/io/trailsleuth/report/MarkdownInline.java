package io.trailsleuth.report;

import static io.trailsleuth.report.HtmlText.escape;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Inline markdown of the report (code spans, bold, backslash escapes, entities) to escaped HTML or plain text. */
final class MarkdownInline {
  private static final Pattern ENTITY = Pattern.compile("&(lt|gt|amp|quot|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});");

  private MarkdownInline() {}

  /**
   * A GFM table row's cells, split as cmark-gfm splits them: a pipe right after a backslash belongs to the cell
   * (its cell scanner takes the longest match, so no backslash before it can undo that), then {@code \|} unescaped
   * to {@code |}, also inside code spans; a pipe outside a table is never escaped.
   */
  static List<String> cells(String row) {
    String body = row.strip();
    body = body.startsWith("|") ? body.substring(1) : body;
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '|' && (i == 0 || body.charAt(i - 1) != '\\')) {
        cells.add(cell.toString().replace("\\|", "|").strip());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    if (!cell.toString().isBlank()) {
      cells.add(cell.toString().replace("\\|", "|").strip());
    }
    return cells;
  }

  /** The text as escaped HTML with code spans and bold as elements. */
  static String html(String text) {
    return render(text, true);
  }

  /** The text as the reader sees it, without markup (not escaped). */
  static String plain(String text) {
    return render(text, false);
  }

  private static String render(String text, boolean html) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length() && isPunctuation(text.charAt(i + 1))) {
        out.append(html ? escape(String.valueOf(text.charAt(i + 1))) : text.charAt(i + 1));
        i += 2;
      } else if (c == '`') {
        int run = run(text, i);
        int close = closingRun(text, i + run, run);
        if (close < 0) {
          out.append(html ? escape(text.substring(i, i + run)) : text.substring(i, i + run));
          i += run;
          continue;
        }
        String code = text.substring(i + run, close);
        if (code.length() > 1 && code.startsWith(" ") && code.endsWith(" ")) {
          code = code.substring(1, code.length() - 1);
        }
        out.append(html ? (code.length() <= 24 ? "<code class=\"short\">" : "<code>") + breakable(code) + "</code>" : code);
        i = close + run;
      } else if (text.startsWith("**", i) && closingStrong(text, i + 2) > i + 2) {
        int close = closingStrong(text, i + 2);
        String inner = render(text.substring(i + 2, close), html);
        out.append(html ? "<strong>" + inner + "</strong>" : inner);
        i = close + 2;
      } else if (c == '&') {
        Matcher entity = ENTITY.matcher(text).region(i, text.length());
        if (entity.lookingAt()) {
          String decoded = decode(entity.group(1));
          out.append(html ? escape(decoded) : decoded);
          i = entity.end();
        } else {
          out.append(html ? "&amp;" : "&");
          i++;
        }
      } else {
        int end = i + (Character.isHighSurrogate(c) && i + 1 < text.length() ? 2 : 1);
        out.append(html ? escape(text.substring(i, end)) : text.substring(i, end));
        i = end;
      }
    }
    return out.toString();
  }

  /**
   * Escaped code with {@code <wbr>} break opportunities after separators and every 16 characters of a long
   * unbroken run (hashes), so long ARNs and paths wrap in table cells without breaking short names apart.
   */
  static String breakable(String code) {
    if (code.length() <= 24) {
      return escape(code);
    }
    StringBuilder out = new StringBuilder(code.length() + 32);
    int run = 0;
    for (int i = 0; i < code.length(); i++) {
      char c = code.charAt(i);
      int end = Character.isHighSurrogate(c) && i + 1 < code.length() ? i + 2 : i + 1;
      out.append(escape(code.substring(i, end)));
      i = end - 1;
      run = Character.isLetterOrDigit(c) ? run + 1 : 0;
      if (i + 1 < code.length() && (":/_.@,".indexOf(c) >= 0 || run == 16)) {
        out.append("<wbr>");
        run = 0;
      }
    }
    return out.toString();
  }

  private static boolean isPunctuation(char c) {
    return c < 128 && "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".indexOf(c) >= 0;
  }

  private static int run(String text, int from) {
    int end = from;
    while (end < text.length() && text.charAt(end) == '`') {
      end++;
    }
    return end - from;
  }

  private static int closingRun(String text, int from, int length) {
    int i = from;
    while (i < text.length()) {
      if (text.charAt(i) == '`') {
        int run = run(text, i);
        if (run == length) {
          return i;
        }
        i += run;
      } else {
        i++;
      }
    }
    return -1;
  }

  /** The index of the {@code **} that closes a bold span, skipping escapes and code spans; -1 when none. */
  private static int closingStrong(String text, int from) {
    int i = from;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\\') {
        i += 2;
      } else if (c == '`') {
        int run = run(text, i);
        int close = closingRun(text, i + run, run);
        i = close < 0 ? i + run : close + run;
      } else if (text.startsWith("**", i)) {
        return i;
      } else {
        i++;
      }
    }
    return -1;
  }

  private static String decode(String name) {
    return switch (name) {
      case "lt" -> "<";
      case "gt" -> ">";
      case "amp" -> "&";
      case "quot" -> "\"";
      default -> {
        int codePoint = name.startsWith("#x") || name.startsWith("#X")
            ? Integer.parseInt(name.substring(2), 16) : Integer.parseInt(name.substring(1));
        yield Character.isValidCodePoint(codePoint) ? new String(Character.toChars(codePoint)) : "\uFFFD";
      }
    };
  }
}
