package io.trailsleuth.common;

/**
 * Escapes text from logs (attacker-controlled) for markdown: nothing may end a table cell, start a new row, open a
 * link, inject HTML or break out of a code span.
 */
public final class MarkdownText {
  private MarkdownText() {}

  /** Text for a table cell or running prose: every markdown and HTML metacharacter escaped, newlines folded. */
  public static String cell(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\\', '`', '*', '_', '{', '}', '[', ']', '(', ')', '!', '|', '~' -> out.append('\\').append(c);
        case '#', '+', '-', '>', '=' -> out.append(i == 0 ? "\\" : "").append(c);
        case '<' -> out.append("&lt;");
        case '&' -> out.append("&amp;");
        case '\n', '\r', '\t' -> out.append(' ');
        default -> out.append(Character.isISOControl(c) ? ' ' : c);
      }
    }
    return out.toString();
  }

  /**
   * Text shown as inline code outside a table (prose, lists, headings). Backticks inside are replaced by a look-alike
   * so the span cannot be closed early; a pipe stays a pipe, since a backslash inside a code span is shown as typed.
   */
  public static String code(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('`');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '`' -> out.append('\u02cb');
        case '\n', '\r', '\t' -> out.append(' ');
        default -> out.append(Character.isISOControl(c) ? ' ' : c);
      }
    }
    return out.append('`').toString();
  }

  /**
   * Text shown as inline code in a table cell: {@link #code} with every pipe escaped, so the cell cannot end early.
   * GFM splits a row before it parses code spans and takes every {@code \|} as a pipe of the cell, also inside code.
   */
  public static String cellCode(String text) {
    return code(text).replace("|", "\\|");
  }
}
