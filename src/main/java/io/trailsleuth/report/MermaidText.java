package io.trailsleuth.report;

/** Makes log text safe inside a Mermaid label: only characters that cannot end a label or start a directive remain. */
final class MermaidText {
  private MermaidText() {}

  static String label(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      boolean safe = Character.isLetterOrDigit(c) || " :/._@+=,".indexOf(c) >= 0 || c == '-';
      out.append(safe ? c : ' ');
    }
    String folded = out.toString().replaceAll(" {2,}", " ").replace("--", "- -").strip();
    return folded.length() > 80 ? folded.substring(0, 80) : folded;
  }
}
