package io.trailsleuth.common;

/**
 * Escapes text from logs (attacker-controlled) for markdown: inside a table cell nothing may end the
 * cell, start a new row, open a link, inject HTML or break out of a code span.
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
   * Text shown as inline code. Backticks inside are replaced by a look-alike so the span cannot be
   * closed early; pipes are escaped so tables survive (GitHub honours {@code \|} inside code in tables).
   */
  public static String code(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('`');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '`' -> out.append('\u02cb');
        case '|' -> out.append("\\|");
        case '\n', '\r', '\t' -> out.append(' ');
        default -> out.append(Character.isISOControl(c) ? ' ' : c);
      }
    }
    return out.append('`').toString();
  }
}
