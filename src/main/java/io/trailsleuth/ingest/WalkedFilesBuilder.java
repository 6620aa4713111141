package io.trailsleuth.ingest;

import io.trailsleuth.common.FrontCodedTexts;
import io.trailsleuth.common.IntSort;
import io.trailsleuth.ingest.WalkedFiles.Directory;
import io.trailsleuth.ingest.WalkedFiles.Root;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/** Collects the files of a walk, then sorts them and front-codes their names once ({@link #build}). */
final class WalkedFilesBuilder {
  private static final Comparator<SourceFile> ORDER =
      Comparator.comparing(SourceFile::inputRoot).thenComparing(SourceFile::relativePath);
  /** Names are collected in chunks of this size, so that no array of every name is ever copied to grow it. */
  private static final int CHUNK = 1 << 20;

  private final Map<Root, Integer> rootIndex = new HashMap<>();
  private final List<Root> roots = new ArrayList<>();
  private final Map<Directory, Integer> directoryIndex = new HashMap<>();
  private final List<Directory> directories = new ArrayList<>();
  private final Map<Integer, SourceFile> wholeFiles = new HashMap<>();
  private final List<byte[]> nameChunks = new ArrayList<>();
  private int count;
  private int[] directoryOf = new int[1024];
  private long[] sizes = new long[1024];
  /** Per file, where its name starts: its chunk times {@link #CHUNK} plus its offset in the chunk. */
  private int[] nameStarts = new int[1024];
  private int[] nameLengths = new int[1024];
  private int chunkUsed = CHUNK;

  WalkedFilesBuilder() {}

  /** Adds a file. */
  public void add(SourceFile file) {
    grow();
    String relativePath = file.relativePath();
    int cut = relativePath.lastIndexOf('/') + 1;
    int length = relativePath.length() - cut;
    if (file.isStandardInput() || file.underRoot().isEmpty() || !file.underRoot().equals(relativePath)
        || !isLatin1(relativePath) || length > CHUNK) {
      wholeFiles.put(count, file);
      directoryOf[count] = -1;
      count++;
      return;
    }
    int root = rootIndex.computeIfAbsent(new Root(file.walkRoot(), file.inputRoot()), key -> {
      roots.add(key);
      return roots.size() - 1;
    });
    directoryOf[count] = directoryIndex.computeIfAbsent(new Directory(root, relativePath.substring(0, cut)), key -> {
      directories.add(key);
      return directories.size() - 1;
    });
    sizes[count] = file.sizeBytes();
    if (chunkUsed + length > CHUNK) {
      nameChunks.add(new byte[CHUNK]);
      chunkUsed = 0;
    }
    byte[] chunk = nameChunks.get(nameChunks.size() - 1);
    for (int i = 0; i < length; i++) {
      chunk[chunkUsed + i] = (byte) relativePath.charAt(cut + i);
    }
    // an int names 2 GiB of names (about 28 million files of the CloudTrail layout); beyond, this fails loudly
    nameStarts[count] = Math.addExact(Math.multiplyExact(nameChunks.size() - 1, CHUNK), chunkUsed);
    nameLengths[count] = length;
    chunkUsed += length;
    count++;
  }

  private void grow() {
    if (count == directoryOf.length) {
      int larger = Math.addExact(count, count / 2);
      directoryOf = Arrays.copyOf(directoryOf, larger);
      sizes = Arrays.copyOf(sizes, larger);
      nameStarts = Arrays.copyOf(nameStarts, larger);
      nameLengths = Arrays.copyOf(nameLengths, larger);
    }
  }

  private static boolean isLatin1(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) > 0xFF) {
        return false;
      }
    }
    return true;
  }

  /** The files, by input root then relative path ({@code String} order), files that compare equal in the order added. */
  public WalkedFiles build() {
    int[] order = new int[count];
    Arrays.setAll(order, i -> i);
    IntSort.sort(order, new FileOrder()::compare);
    int[] sortedDirectories = new int[count];
    long[] sortedSizes = new long[count];
    Map<Integer, SourceFile> sortedWhole = new HashMap<>();
    for (int k = 0; k < count; k++) {
      int file = order[k];
      sortedDirectories[k] = directoryOf[file];
      sortedSizes[k] = sizes[file];
      if (directoryOf[file] < 0) {
        sortedWhole.put(k, wholeFiles.get(file));
      }
    }
    FrontCodedTexts names = FrontCodedTexts.of(count, k -> directoryOf[order[k]] < 0 ? "" : name(order[k]));
    return new WalkedFiles(roots.toArray(Root[]::new), directories.toArray(Directory[]::new), sortedDirectories,
        sortedSizes, names, sortedWhole);
  }

  private byte[] chunk(int file) {
    return nameChunks.get(nameStarts[file] / CHUNK);
  }

  private int offset(int file) {
    return nameStarts[file] % CHUNK;
  }

  /** A file's name, the path after its directory. */
  private String name(int file) {
    return new String(chunk(file), offset(file), nameLengths[file], StandardCharsets.ISO_8859_1);
  }

  /** The string of a file's relative path, for the orders the ranks below cannot decide. */
  private String relativePath(int file) {
    return directories.get(directoryOf[file]).prefix() + name(file);
  }

  /**
   * The order of {@link #build}: by input root, then relative path as {@code String.compareTo} orders them. Two files
   * of one directory compare by their names' bytes (Latin-1, so byte order is char order). Files of two directories
   * of which neither holds the other compare as their directories' texts do, ranked once; only a file and a file of a
   * directory below its own compare their whole paths.
   */
  private final class FileOrder {
    private final int[] rootRank;
    private final int[] directoryRank;
    /** Per directory, the rank after the last directory below it (the ranks between are the ones below). */
    private final int[] belowEnd;

    FileOrder() {
      rootRank = ranks(roots.size(), i -> roots.get(i).inputRoot());
      directoryRank = ranks(directories.size(), i -> directories.get(i).prefix());
      int[] byRank = new int[directories.size()];
      Arrays.setAll(byRank, i -> i);
      IntSort.sort(byRank, (first, second) -> Integer.compare(directoryRank[first], directoryRank[second]));
      belowEnd = new int[directories.size()];
      for (int directory = 0; directory < directories.size(); directory++) {
        // the texts that start with this one follow it in order, one run: find where it ends
        String prefix = directories.get(directory).prefix();
        int low = directoryRank[directory];
        int high = byRank.length;
        while (low < high) {
          int middle = (low + high) >>> 1;
          String other = directories.get(byRank[middle]).prefix();
          if (other.compareTo(prefix) <= 0 || other.startsWith(prefix)) {
            low = middle + 1;
          } else {
            high = middle;
          }
        }
        belowEnd[directory] = low;
      }
    }

    int compare(int first, int second) {
      if (directoryOf[first] < 0 || directoryOf[second] < 0) {
        return ORDER.compare(whole(first), whole(second));
      }
      Directory firstDirectory = directories.get(directoryOf[first]);
      Directory secondDirectory = directories.get(directoryOf[second]);
      int byRoot = Integer.compare(rootRank[firstDirectory.root()], rootRank[secondDirectory.root()]);
      if (byRoot != 0) {
        return byRoot;
      }
      int firstRank = directoryRank[directoryOf[first]];
      int secondRank = directoryRank[directoryOf[second]];
      if (firstRank == secondRank) {
        return compareNames(first, second);
      }
      if (holds(directoryOf[first], secondRank) || holds(directoryOf[second], firstRank)) {
        return relativePath(first).compareTo(relativePath(second));
      }
      return Integer.compare(firstRank, secondRank);
    }

    private boolean holds(int directory, int rank) {
      return rank > directoryRank[directory] && rank < belowEnd[directory];
    }

    private int compareNames(int first, int second) {
      byte[] firstChunk = chunk(first);
      byte[] secondChunk = chunk(second);
      int firstOffset = offset(first);
      int secondOffset = offset(second);
      int common = Math.min(nameLengths[first], nameLengths[second]);
      int mismatch = Arrays.mismatch(firstChunk, firstOffset, firstOffset + common, secondChunk, secondOffset,
          secondOffset + common);
      if (mismatch >= 0) {
        return (firstChunk[firstOffset + mismatch] & 0xFF) - (secondChunk[secondOffset + mismatch] & 0xFF);
      }
      return nameLengths[first] - nameLengths[second];
    }

    private SourceFile whole(int file) {
      if (directoryOf[file] < 0) {
        return wholeFiles.get(file);
      }
      Root root = roots.get(directories.get(directoryOf[file]).root());
      String relativePath = relativePath(file);
      return new SourceFile(root.walkRoot(), relativePath, root.inputRoot(), relativePath, sizes[file]);
    }
  }

  /** Ranks {@code size} texts by {@code String} order, equal texts sharing a rank. */
  private static int[] ranks(int size, IntFunction<String> texts) {
    int[] byText = new int[size];
    Arrays.setAll(byText, i -> i);
    IntSort.sort(byText, (first, second) -> texts.apply(first).compareTo(texts.apply(second)));
    int[] rank = new int[size];
    for (int k = 0; k < size; k++) {
      rank[byText[k]] = k > 0 && texts.apply(byText[k]).equals(texts.apply(byText[k - 1])) ? rank[byText[k - 1]] : k;
    }
    return rank;
  }
}
