package io.trailsleuth.ingest;

/** Small text helpers for messages that quote input, and for byte positions of text. */
final class Texts {
  private Texts() {}

  /** Cuts text to at most {@code max} characters and replaces control characters, for error messages. */
  static String abbreviate(String text, int max) {
    String cut = text.length() > max ? text.substring(0, max) + "…" : text;
    StringBuilder out = new StringBuilder(cut.length());
    for (int i = 0; i < cut.length(); i++) {
      char c = cut.charAt(i);
      out.append(Character.isISOControl(c) ? '?' : c);
    }
    return out.toString();
  }

  /** How many bytes the text takes as UTF-8. */
  static long utf8Length(String text) {
    return text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
  }
}
