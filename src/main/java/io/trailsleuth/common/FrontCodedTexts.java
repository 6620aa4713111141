package io.trailsleuth.common;

import java.util.Objects;
import java.util.function.IntFunction;

/**
 * A sequence of texts held front-coded: each as the length it shares with the one before and the rest of it, in
 * texts of a few thousand entries, every 16th held whole so that reading one decodes at most 16. Sorted or grouped
 * texts (paths of one directory, file names of one trail) share most of their characters; a million of them take
 * a few tens of megabytes instead of an object and a string each.
 */
public final class FrontCodedTexts {
  /**
   * Entries per text: texts of a few hundred kilobytes at most, not one of tens of megabytes, which a heap nearly full
   * could not find room for (nor for the builder's copies as it grows).
   */
  private static final int PER_TEXT = 4096;
  /** Every this many entries, one is held whole. */
  private static final int PER_WHOLE = 16;

  /** The rests of the entries of each {@link #PER_TEXT}, one after the other. */
  private final String[] texts;
  /** Where each entry's rest ends in its text; it starts where the one before it ends, or at 0. */
  private final int[] ends;
  /** How many leading characters each entry shares with the one before it (0 for an entry held whole). */
  private final char[] shared;

  private FrontCodedTexts(String[] texts, int[] ends, char[] shared) {
    this.texts = texts;
    this.ends = ends;
    this.shared = shared;
  }

  /** The {@code size} texts {@code textAt} gives, each asked for once, in order. */
  public static FrontCodedTexts of(int size, IntFunction<String> textAt) {
    String[] texts = new String[(size + PER_TEXT - 1) / PER_TEXT];
    int[] ends = new int[size];
    char[] shared = new char[size];
    StringBuilder text = new StringBuilder();
    String previous = "";
    for (int index = 0; index < size; index++) {
      String entry = textAt.apply(index);
      int common = index % PER_WHOLE == 0 ? 0 : commonPrefix(previous, entry);
      shared[index] = (char) common;
      text.append(entry, common, entry.length());
      ends[index] = text.length();
      if ((index + 1) % PER_TEXT == 0 || index + 1 == size) {
        texts[index / PER_TEXT] = text.toString();
        text.setLength(0);
      }
      previous = entry;
    }
    return new FrontCodedTexts(texts, ends, shared);
  }

  /** The length of the prefix two texts share, at most {@link Character#MAX_VALUE}. */
  private static int commonPrefix(String first, String second) {
    int limit = Math.min(Character.MAX_VALUE, Math.min(first.length(), second.length()));
    int length = 0;
    while (length < limit && first.charAt(length) == second.charAt(length)) {
      length++;
    }
    return length;
  }

  /** The text at {@code index}. */
  public String get(int index) {
    Objects.checkIndex(index, size());
    String text = texts[index / PER_TEXT];
    StringBuilder entry = new StringBuilder();
    for (int file = index - index % PER_WHOLE; file <= index; file++) {
      entry.setLength(shared[file]);
      entry.append(text, file % PER_TEXT == 0 ? 0 : ends[file - 1], ends[file]);
    }
    return entry.toString();
  }

  /**
   * A reader of the texts at indices that never decrease: each text is decoded from the one read before it, so reading
   * them all in order decodes each once, where {@link #get} decodes up to 16 for each.
   */
  public Reader reader() {
    return new Reader();
  }

  /** Reads the texts forward; see {@link #reader()}. Not for use by two threads at once. */
  public final class Reader {
    private final StringBuilder entry = new StringBuilder();
    /** The index of the text {@link #entry} holds, or -1 before the first read. */
    private int current = -1;

    private Reader() {}

    /** The text at {@code index}, which must not be below the index read before. */
    public String get(int index) {
      Objects.checkIndex(index, size());
      if (index < current) {
        throw new IllegalArgumentException("text " + index + " read after text " + current + "; a reader reads forward");
      }
      int whole = index - index % PER_WHOLE;
      for (int file = current >= whole ? current + 1 : whole; file <= index; file++) {
        entry.setLength(shared[file]);
        entry.append(texts[file / PER_TEXT], file % PER_TEXT == 0 ? 0 : ends[file - 1], ends[file]);
      }
      current = index;
      return entry.toString();
    }
  }

  /** How many texts there are. */
  public int size() {
    return ends.length;
  }
}
