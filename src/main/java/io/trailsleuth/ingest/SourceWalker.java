package io.trailsleuth.ingest;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;

/**
 * Expands the paths a user names into input files: files as given, directories walked recursively
 * (following links, with loops detected), and "-" for standard input. Sorted, so runs are repeatable.
 */
public final class SourceWalker {
  /** The paths found and the ones that could not be read. */
  public record Walk(List<SourceFile> files, List<WalkProblem> problems) {
    public Walk {
      files = files instanceof WalkedFiles ? files : List.copyOf(files);
      problems = List.copyOf(problems);
    }
  }

  private SourceWalker() {}

  /** Walks every named path. */
  public static Walk walk(List<String> paths) {
    WalkedFilesBuilder files = WalkedFiles.builder();
    List<WalkProblem> problems = new ArrayList<>();
    for (String named : paths) {
      if ("-".equals(named)) {
        files.add(SourceFile.standardInput());
        continue;
      }
      Path root = Path.of(named);
      if (!Files.exists(root)) {
        problems.add(new WalkProblem(named, "", "not-found", "no such file or directory: " + named));
      } else if (Files.isDirectory(root)) {
        walkDirectory(named, root, files, problems);
      } else {
        Path base = root.toAbsolutePath().normalize().getParent();
        try {
          addFile(named, base, root, root, attributesFollowingLinks(root), files, problems);
        } catch (IOException e) {
          problems.add(unreadable(named, relative(base, root), e));
        }
      }
    }
    problems.sort(Comparator.comparing(WalkProblem::inputRoot).thenComparing(WalkProblem::relativePath));
    return new Walk(files.build(), problems);
  }

  private static void walkDirectory(String named, Path root, WalkedFilesBuilder files, List<WalkProblem> problems) {
    Path base = root.toAbsolutePath().normalize();
    try {
      Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
          addFile(named, base, root, file, attributes, files, problems);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          String relative = relative(base, file);
          if (e instanceof FileSystemLoopException) {
            problems.add(new WalkProblem(named, relative, "symlink-loop",
                "symbolic link loop at " + relative + "; the loop was not followed"));
          } else {
            problems.add(unreadable(named, relative, e));
          }
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      problems.add(new WalkProblem(named, "", "unreadable", "cannot walk " + named + ": " + e.getMessage()));
    }
  }

  /**
   * Adds a file, or the reason it cannot be read. {@code attributes} are read following links, as the walk reads them:
   * a link's own attributes mean its target could not be read (missing, a loop). Using them saves two system calls per
   * file over asking again.
   */
  private static void addFile(String named, Path base, Path walkRoot, Path file, BasicFileAttributes attributes,
      WalkedFilesBuilder files, List<WalkProblem> problems) {
    String relative = relative(base, file);
    if (attributes.isSymbolicLink()) {
      boolean loop = isLoop(file);
      problems.add(new WalkProblem(named, relative, loop ? "symlink-loop" : "broken-link", loop
          ? "symbolic link loop at " + relative + "; the loop was not followed"
          : relative + " is a symbolic link to a missing file; restore its target or remove the link"));
    } else if (!attributes.isRegularFile()) {
      problems.add(new WalkProblem(named, relative, "special-file",
          relative + " is not a regular file (FIFO, socket or device); it was not read"));
    } else if (!Files.isReadable(file)) {
      problems.add(new WalkProblem(named, relative, "unreadable",
          "permission denied reading " + relative + "; fix its permissions and ingest again"));
    } else {
      files.add(sourceFile(named, walkRoot, file, relative, attributes.size()));
    }
  }

  /**
   * The file as the walk found it: by the walk's root and the text under it when that text resolves against the root
   * to exactly the walked path, else by the walked path itself. A name whose bytes do not survive as text (not valid in
   * the platform's encoding, or not ASCII under the C locale) and a root named by the empty path keep their own.
   */
  static SourceFile sourceFile(String named, Path walkRoot, Path file, String relative, long sizeBytes) {
    if (file.equals(walkRoot)) {
      return new SourceFile(walkRoot, "", named, relative, sizeBytes);
    }
    String root = walkRoot.toString();
    String path = file.toString();
    if (!root.isEmpty() && path.startsWith(root)) {
      String underRoot = textUnder(walkRoot, path);
      // the usual case, a root named without '.' or '..' parts: one string for both
      String text = underRoot.equals(relative) ? relative : underRoot;
      if (resolvesTo(walkRoot, text, file)) {
        return new SourceFile(walkRoot, text, named, relative, sizeBytes);
      }
    }
    return new SourceFile(file, "", named, relative, sizeBytes);
  }

  /** The text of {@code path}, which starts with the text of {@code prefix}, after it and the separator that follows. */
  private static String textUnder(Path prefix, String path) {
    String text = prefix.toString();
    String separator = prefix.getFileSystem().getSeparator();
    return path.substring(text.endsWith(separator) ? text.length() : text.length() + separator.length());
  }

  private static boolean resolvesTo(Path walkRoot, String underRoot, Path file) {
    try {
      return walkRoot.resolve(underRoot).equals(file);
    } catch (InvalidPathException e) {
      return false;
    }
  }

  private static boolean isLoop(Path link) {
    try {
      link.toRealPath();
      return false;
    } catch (java.nio.file.FileSystemLoopException e) {
      return true;
    } catch (IOException e) {
      return String.valueOf(e.getMessage()).contains("levels of symbolic links");
    }
  }

  /** Reads a file's attributes as the walk does: following links, or the link's own when its target cannot be read. */
  private static BasicFileAttributes attributesFollowingLinks(Path file) throws IOException {
    try {
      return Files.readAttributes(file, BasicFileAttributes.class);
    } catch (IOException e) {
      return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    }
  }

  private static WalkProblem unreadable(String named, String relative, IOException e) {
    return new WalkProblem(named, relative, "unreadable",
        "cannot read " + relative + ": " + e.getClass().getSimpleName() + " " + e.getMessage() + "; check its permissions");
  }

  /**
   * The path of {@code file} relative to {@code base} (absolute and normalised), with '/' separators. Cut from the
   * path's text, not with {@code relativize}, which walks both paths name by name: once per file of the walk, that made
   * the JIT compile the path classes' name lookups (about 30 ms of compilation at 3,000 files).
   */
  private static String relative(Path base, Path file) {
    Path target = file.toAbsolutePath().normalize();
    String relative;
    if (target.equals(base)) {
      relative = "";
    } else if (target.startsWith(base)) {
      relative = textUnder(base, target.toString());
    } else {
      relative = target.getFileName().toString();
    }
    return relative.replace('\\', '/');
  }

}
