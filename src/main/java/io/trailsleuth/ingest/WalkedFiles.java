package io.trailsleuth.ingest;

import io.trailsleuth.common.FrontCodedTexts;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.function.IntFunction;

/**
 * The files of a walk in order of input root and relative path, held as arrays and front-coded names
 * ({@link FrontCodedTexts}) rather than a record and a path string per file: about 50 bytes a file of the CloudTrail
 * layout instead of about 200, so that a million files fit the launcher's heap (bench/README.md). Each file is rebuilt as the same {@link SourceFile} when it
 * is read. Files whose path is not held as its root and relative path (standard input, a file named directly, a name
 * that is not Latin-1 text, a path spelled differently under its root) are kept whole; on Windows, whose paths under
 * a root are spelled with '\\' where relative paths have '/', that is every file below a root's top level.
 */
public final class WalkedFiles extends AbstractList<SourceFile> implements RandomAccess {
  /** A walk's root as it opens files, and as the user named it. */
  record Root(Path walkRoot, String inputRoot) {}

  /** A directory's text under its root, with its trailing '/' ("" for the root itself). */
  record Directory(int root, String prefix) {}

  private final Root[] roots;
  private final Directory[] directories;
  /** Per file, its directory, or -1 for a file kept whole. */
  private final int[] directoryOf;
  private final long[] sizes;
  /** Per file, its name (the path after its directory), "" for a file kept whole. */
  private final FrontCodedTexts names;
  private final Map<Integer, SourceFile> wholeFiles;

  WalkedFiles(Root[] roots, Directory[] directories, int[] directoryOf, long[] sizes, FrontCodedTexts names,
      Map<Integer, SourceFile> wholeFiles) {
    this.roots = roots;
    this.directories = directories;
    this.directoryOf = directoryOf;
    this.sizes = sizes;
    this.names = names;
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
    Directory directory = directories[directoryOf[index]];
    Root root = roots[directory.root()];
    String relativePath = directory.prefix().concat(names.get(index));
    return new SourceFile(root.walkRoot(), relativePath, root.inputRoot(), relativePath, sizes[index]);
  }

  /**
   * A reader of the files' relative paths, each as {@code get(index).relativePath()} gives it, at indices that never
   * decrease: it decodes each name from the one read before instead of from the last name held whole, and builds no
   * {@link SourceFile}. For one thread.
   */
  public IntFunction<String> relativePathReader() {
    FrontCodedTexts.Reader reader = names.reader();
    return index -> {
      Objects.checkIndex(index, directoryOf.length);
      int directory = directoryOf[index];
      return directory < 0 ? wholeFiles.get(index).relativePath() : directories[directory].prefix().concat(reader.get(index));
    };
  }

  /** A reader of the relative paths of {@code files} at indices that never decrease, for any list of files. */
  public static IntFunction<String> relativePathReader(List<SourceFile> files) {
    return files instanceof WalkedFiles walked ? walked.relativePathReader() : index -> files.get(index).relativePath();
  }

  @Override
  public int size() {
    return directoryOf.length;
  }
}
