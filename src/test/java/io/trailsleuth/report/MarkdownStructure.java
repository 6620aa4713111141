package io.trailsleuth.report;

import java.util.ArrayList;
import java.util.List;

/** Reads markdown the way GFM does where structure is at stake: fences, table cells and code spans. */
public final class MarkdownStructure {
  private MarkdownStructure() {}

  /** The lines outside fenced code blocks. */
  public static List<String> outsideFences(String markdown) {
    List<String> lines = new ArrayList<>();
    boolean fenced = false;
    for (String line : markdown.split("\n", -1)) {
      if (line.startsWith("```")) {
        fenced = !fenced;
      } else if (!fenced) {
        lines.add(line);
      }
    }
    return lines;
  }

  /** The bodies of the fenced blocks with this info string. */
  static List<List<String>> fences(String markdown, String language) {
    List<List<String>> blocks = new ArrayList<>();
    List<String> open = null;
    for (String line : markdown.split("\n", -1)) {
      if (open == null && line.equals("```" + language)) {
        open = new ArrayList<>();
      } else if (open != null && line.startsWith("```")) {
        blocks.add(open);
        open = null;
      } else if (open != null) {
        open.add(line);
      }
    }
    return blocks;
  }

  /**
   * How many cells a table row has, splitting like cmark-gfm: a pipe right after a backslash belongs to the cell (its
   * cell scanner takes the longest match, so a backslash before that backslash does not undo it).
   */
  static int cellCount(String row) {
    int pipes = 0;
    for (int i = 0; i < row.length(); i++) {
      if (row.charAt(i) == '|' && (i == 0 || row.charAt(i - 1) != '\\')) {
        pipes++;
      }
    }
    return pipes - 1;
  }

  /** The line with code spans removed; fails when a backtick run is never closed. */
  public static String withoutCodeSpans(String line) {
    return scan(line, new ArrayList<>());
  }

  /** The contents of the line's code spans, as written (escapes not undone); fails on an unclosed backtick run. */
  static List<String> codeSpans(String line) {
    List<String> spans = new ArrayList<>();
    scan(line, spans);
    return spans;
  }

  /** The line with each code span replaced by CODE, its contents added to spans. */
  private static String scan(String line, List<String> spans) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < line.length()) {
      char c = line.charAt(i);
      if (c == '\\' && i + 1 < line.length()) {
        out.append(c).append(line.charAt(i + 1));
        i += 2;
      } else if (c == '`') {
        int run = 0;
        while (i + run < line.length() && line.charAt(i + run) == '`') {
          run++;
        }
        int close = closing(line, i + run, run);
        if (close < 0) {
          throw new AssertionError("unbalanced code span at column " + i + " of: " + line);
        }
        spans.add(line.substring(i + run, close));
        out.append("CODE");
        i = close + run;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private static int closing(String line, int from, int run) {
    for (int i = from; i < line.length(); ) {
      if (line.charAt(i) == '`') {
        int length = 0;
        while (i + length < line.length() && line.charAt(i + length) == '`') {
          length++;
        }
        if (length == run) {
          return i;
        }
        i += length;
      } else {
        i++;
      }
    }
    return -1;
  }
}
