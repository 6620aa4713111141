package io.trailsleuth.report;

/** Escapes text from logs (attacker-controlled) for HTML and SVG text and quoted attribute values. */
final class HtmlText {
  private HtmlText() {}

  /**
   * Text safe both between tags and inside a double- or single-quoted attribute: {@code & < > " '} become
   * entities, control characters other than newline and tab become spaces (they are not allowed in XML/SVG).
   */
  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        case '\n', '\t' -> out.append(c);
        default -> {
          if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
            out.append(c).append(text.charAt(++i));
          } else if (Character.isSurrogate(c)) {
            out.append('\uFFFD');
          } else {
            out.append(Character.isISOControl(c) || c == '\uFFFE' || c == '\uFFFF' ? ' ' : c);
          }
        }
      }
    }
    return out.toString();
  }

  /** An id or CSS-class-safe slug: lower-case letters, digits and single dashes only. */
  static String slug(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : text.toLowerCase(java.util.Locale.ROOT).toCharArray()) {
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        out.append(c);
      } else if (out.length() > 0 && out.charAt(out.length() - 1) != '-') {
        out.append('-');
      }
    }
    String slug = out.toString().replaceAll("-+$", "");
    return slug.isEmpty() ? "section" : slug.length() > 60 ? slug.substring(0, 60) : slug;
  }
}
