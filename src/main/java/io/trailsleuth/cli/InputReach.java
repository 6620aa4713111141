package io.trailsleuth.cli;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;

/**
 * Every place the ingest walk reads, as real paths: each named input, and each file or directory a symbolic link
 * inside an input directory leads to outside the places already found (the walk follows links). An input or a link's
 * target that does not exist yet is a place too, as the real path it would have: the walk reads whatever is there when
 * it runs, so an output may not make it.
 */
final class InputReach {
  /** Links followed at most to where a missing path would be, as Linux's own limit (40); more are taken as a loop. */
  private static final int MOST_LINKS_FOLLOWED = 40;

  /**
   * One place the walk reads.
   *
   * @param real its real path
   * @param directory true for a directory, whose whole tree is read
   * @param input the input path as named
   * @param link the symbolic link the walk follows to reach it, or null for a named input
   */
  record Place(Path real, boolean directory, String input, Path link) {
    /** True when {@code path} (a real path) is this place or lies inside it. */
    boolean covers(Path path) {
      return path.equals(real) || directory && path.startsWith(real);
    }
  }

  private InputReach() {}

  /**
   * The places the walk of these inputs reads: {@code -}, invalid paths, link loops and paths whose existing part
   * cannot be resolved (permission denied) are left out.
   */
  static List<Place> of(List<String> inputs) {
    List<Place> places = new ArrayList<>();
    Deque<Place> toWalk = new ArrayDeque<>();
    for (String input : inputs) {
      if (input.equals("-")) {
        continue;
      }
      Path named;
      try {
        named = Path.of(input);
      } catch (InvalidPathException e) {
        continue; // the walk reports it
      }
      try {
        Path real = named.toRealPath();
        Place place = new Place(real, Files.isDirectory(real), input, null);
        places.add(place);
        if (place.directory()) {
          toWalk.add(place);
        }
      } catch (IOException e) {
        // a missing input is reported by the walk, which reads whatever is there by then: an output may not make it
        Path missing = placeOfMissing(named);
        if (missing != null) {
          places.add(new Place(missing, true, input, null));
        }
      }
    }
    while (!toWalk.isEmpty()) {
      Place walked = toWalk.poll();
      for (Path link : linksUnder(walked.real())) {
        Place reached = reachedThrough(link, walked.input(), places);
        if (reached != null) {
          places.add(reached);
          if (reached.directory()) {
            toWalk.add(reached);
          }
        }
      }
    }
    return List.copyOf(places);
  }

  /**
   * The new place a link leads to (for a broken link, where its target would be), or null when it loops or leads into
   * a place already found.
   */
  private static Place reachedThrough(Path link, String input, List<Place> places) {
    Path target;
    try {
      target = link.toRealPath();
    } catch (IOException e) {
      // the walk reports a broken link or a loop; what a broken link's target becomes by then is read through it
      target = placeOfMissing(link);
      if (target == null) {
        return null;
      }
    }
    for (Place place : places) {
      if (place.covers(target)) {
        return null;
      }
    }
    // a target that does not exist yet may become a directory
    return new Place(target, Files.isDirectory(target) || !Files.exists(target), input, link);
  }

  /**
   * Where a path that does not resolve would be once made, as a real path: links on the way are followed, a broken
   * one to where its target would be (at most {@link #MOST_LINKS_FOLLOWED}), and the path is cut at its first missing
   * part when a {@code ..} follows it (the system resolves that only once the part exists). Null for a loop, or when
   * the existing part cannot be resolved.
   */
  static Path placeOfMissing(Path path) {
    Path absolute = path.toAbsolutePath();
    for (int links = 0; links <= MOST_LINKS_FOLLOWED; links++) {
      Path existing = nearestExisting(absolute);
      // by name, not relativize, which normalises: a '..' after a missing part must stay to be seen
      Path rest = existing.getNameCount() == absolute.getNameCount() ? Path.of("")
          : absolute.subpath(existing.getNameCount(), absolute.getNameCount());
      if (Files.isSymbolicLink(existing) && !Files.exists(existing)) {
        try {
          absolute = existing.getParent().resolve(Files.readSymbolicLink(existing)).resolve(rest);
        } catch (IOException | InvalidPathException | UnsupportedOperationException e) {
          return null;
        }
        continue;
      }
      Path real;
      try {
        real = existing.toRealPath();
      } catch (IOException e) {
        return null;
      }
      for (Path part : rest) {
        if (part.toString().equals("..")) {
          return real.resolve(rest.getName(0));
        }
      }
      return real.resolve(rest).normalize();
    }
    return null;
  }

  /** The nearest of an absolute path and its ancestors that exists, a link counting as it is, not as its target. */
  static Path nearestExisting(Path absolute) {
    Path existing = absolute;
    while (existing.getParent() != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
      existing = existing.getParent();
    }
    return existing;
  }

  /** The symbolic links in a directory tree, not following any, sorted; unreadable parts are skipped. */
  private static List<Path> linksUnder(Path directory) {
    List<Path> links = new ArrayList<>();
    try {
      Files.walkFileTree(directory, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
          if (attributes.isSymbolicLink()) {
            links.add(file);
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          return FileVisitResult.CONTINUE; // the walk reports what it cannot read, and reads nothing there
        }
      });
    } catch (IOException e) {
      // as above: nothing is read where the walk cannot go
    }
    links.sort(Comparator.naturalOrder());
    return links;
  }
}
