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

  /** How many cells a table row has, splitting like cmark-gfm: a backslash escapes the next character. */
  static int cellCount(String row) {
    int pipes = 0;
    for (int i = 0; i < row.length(); i++) {
      char c = row.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '|') {
        pipes++;
      }
    }
    return pipes - 1;
  }

  /** The line with code spans removed; fails when a backtick run is never closed. */
  public static String withoutCodeSpans(String line) {
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
