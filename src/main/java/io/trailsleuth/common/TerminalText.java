package io.trailsleuth.common;

/**
 * Makes text from logs safe to print on a terminal: C0 and C1 control characters and DEL (escape sequences, title
 * changes, bells, carriage returns) become visible {@code \xHH} escapes instead of reaching the terminal.
 */
public final class TerminalText {
  private TerminalText() {}

  /** One value (a name, an ARN) on one line: every control character escaped, line breaks too; null stays null. */
  public static String value(String text) {
    return escape(text, false);
  }

  /** A message that may span lines: every control character but line feed and tab escaped; null stays null. */
  public static String lines(String text) {
    return escape(text, true);
  }

  private static String escape(String text, boolean keepLines) {
    if (text == null || text.chars().noneMatch(c -> needsEscape((char) c, keepLines))) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (needsEscape(c, keepLines)) {
        out.append(String.format("\\x%02x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean needsEscape(char c, boolean keepLines) {
    return Character.isISOControl(c) && !(keepLines && (c == '\n' || c == '\t'));
  }
}
