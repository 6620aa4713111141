package io.trailsleuth.ingest;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.Map;
import java.util.RandomAccess;

/**
 * The files of a walk in order of input root and relative path, held as arrays and front-coded names rather than a
 * record and a path string per file: about 50 bytes a file of the CloudTrail layout instead of about 200, so that a
 * million files fit the launcher's heap (bench/README.md). Each file is rebuilt as the same {@link SourceFile} when it
 * is read. Files whose path is not held as its root and relative path (standard input, a file named directly, a name
 * that is not Latin-1 text, a path spelled differently under its root) are kept whole; on Windows, whose paths under
 * a root are spelled with '\\' where relative paths have '/', that is every file below a root's top level.
 */
public final class WalkedFiles extends AbstractList<SourceFile> implements RandomAccess {
  /** Every name at a multiple of this position is written whole; the names between share a prefix with the previous. */
  static final int BLOCK = 16;

  /** A walk's root as it opens files, and as the user named it. */
  record Root(Path walkRoot, String inputRoot) {}

  /** A directory's text under its root, with its trailing '/' ("" for the root itself). */
  record Directory(int root, String prefix) {}

  private final Root[] roots;
  private final Directory[] directories;
  /** Per file, its directory, or -1 for a file kept whole. */
  private final int[] directoryOf;
  private final long[] sizes;
  /** Per file: the length of the prefix shared with the previous name (one byte), the rest's length, the rest. */
  private final byte[] names;
  private final int[] blockStarts;
  private final int longestName;
  private final Map<Integer, SourceFile> wholeFiles;

  WalkedFiles(Root[] roots, Directory[] directories, int[] directoryOf, long[] sizes, byte[] names,
      int[] blockStarts, int longestName, Map<Integer, SourceFile> wholeFiles) {
    this.roots = roots;
    this.directories = directories;
    this.directoryOf = directoryOf;
    this.sizes = sizes;
    this.names = names;
    this.blockStarts = blockStarts;
    this.longestName = longestName;
    this.wholeFiles = wholeFiles;
  }

  /** Collects files in any order. */
  static WalkedFilesBuilder builder() {
    return new WalkedFilesBuilder();
  }

  @Override
  public SourceFile get(int index) {
    if (index < 0 || index >= directoryOf.length) {
      throw new IndexOutOfBoundsException("file " + index + " of " + directoryOf.length);
    }
    if (directoryOf[index] < 0) {
      return wholeFiles.get(index);
    }
    byte[] name = new byte[longestName];
    int length = 0;
    int position = blockStarts[index / BLOCK];
    for (int file = index - index % BLOCK; file <= index; file++) {
      int shared = names[position++] & 0xFF;
      int rest = 0;
      for (int shift = 0; ; shift += 7) {
        byte part = names[position++];
        rest |= (part & 0x7F) << shift;
        if (part >= 0) {
          break;
        }
      }
      System.arraycopy(names, position, name, shared, rest);
      position += rest;
      length = shared + rest;
    }
    Directory directory = directories[directoryOf[index]];
    Root root = roots[directory.root()];
    String relativePath = directory.prefix().concat(new String(name, 0, length, StandardCharsets.ISO_8859_1));
    return new SourceFile(root.walkRoot(), relativePath, root.inputRoot(), relativePath, sizes[index]);
  }

  @Override
  public int size() {
    return directoryOf.length;
  }
}
