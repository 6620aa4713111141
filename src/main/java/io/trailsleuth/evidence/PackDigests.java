package io.trailsleuth.evidence;

import io.trailsleuth.analysis.SourceCopy;
import io.trailsleuth.common.SqlFiles;
import io.trailsleuth.integrity.DigestListings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The digest files a pack copies: for each cited log file, the digests that list it from the input root its cited copy
 * was read under. Where that root holds no stored copy of a digest path (its copy was byte-identical to another root's,
 * so stored once, under that root), every stored copy at the path that lists the file is taken.
 */
final class PackDigests {
  /** One stored copy of a digest file: its input root, its path relative to it, and the file. */
  private record DigestCopy(String inputRoot, String relativePath, Path file) {}

  /** The copies taken, by relative path, then input root. */
  private final Map<String, Map<String, DigestCopy>> taken;

  private PackDigests(Map<String, Map<String, DigestCopy>> taken) {
    this.taken = taken;
  }

  /** The digests that list the cited log files, each from the input root of the cited copy it lists. */
  static PackDigests select(Connection connection, Collection<SourceCopy> logFiles) throws SQLException, IOException {
    Set<String> paths = new TreeSet<>();
    logFiles.forEach(copy -> paths.add(copy.sourceFile()));
    // by digest path: each stored copy that is still as ingested, and the cited paths it lists
    Map<String, Map<DigestCopy, Set<String>>> listings = new TreeMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(SqlFiles.get("store_evidence_digest_files").sql())) {
      while (rows.next()) {
        String relative = rows.getString("source_file");
        DigestCopy copy = new DigestCopy(rows.getString("input_root"), relative,
            InputFiles.locate(rows.getString("input_root"), relative));
        if (Files.isRegularFile(copy.file()) && rows.getString("sha256").equals(PackManifest.sha256(copy.file()))) {
          Set<String> listed = DigestListings.listed(copy.file(), relative, paths);
          if (!listed.isEmpty()) {
            listings.computeIfAbsent(relative, path -> new TreeMap<>(Comparator.comparing(DigestCopy::inputRoot)))
                .put(copy, listed);
          }
        }
      }
    }
    Map<String, Map<String, DigestCopy>> taken = new TreeMap<>();
    listings.forEach((relative, copies) -> {
      for (SourceCopy logFile : logFiles) {
        List<DigestCopy> listing = copies.entrySet().stream()
            .filter(entry -> entry.getValue().contains(logFile.sourceFile())).map(Map.Entry::getKey).toList();
        List<DigestCopy> sameRoot = listing.stream().filter(copy -> copy.inputRoot().equals(logFile.inputRoot()))
            .toList();
        (sameRoot.isEmpty() ? listing : sameRoot).forEach(copy -> taken
            .computeIfAbsent(relative, path -> new TreeMap<>()).put(copy.inputRoot(), copy));
      }
    });
    return new PackDigests(taken);
  }

  /** How many digest files the pack holds. */
  int count() {
    return taken.values().stream().mapToInt(Map::size).sum();
  }

  /**
   * Copies the digests into {@code digests/}: at their relative path, or, where copies from two input roots are taken
   * at one path, under {@code digests/input-root-N/} (N numbering the roots of the pack's digests in name order).
   */
  void copy(Path directory) throws IOException {
    for (Map.Entry<String, Map<String, DigestCopy>> path : taken.entrySet()) {
      for (DigestCopy copy : path.getValue().values()) {
        Path target = directory.resolve(packName(copy));
        Files.createDirectories(target.getParent());
        Files.copy(copy.file(), target);
      }
    }
  }

  /**
   * The manifest's comment lines, one per digest file, naming the input root it was copied from: when {@code
   * rootsNamed} (the source files are named by root) or the digests come from more than one root; else none.
   */
  List<String> commentLines(boolean rootsNamed) {
    List<String> lines = new ArrayList<>();
    if (rootsNamed || roots().size() > 1) {
      taken.values().forEach(copies -> copies.values().forEach(copy -> lines.add("# digest file (from input root "
          + SourceHashes.printable(copy.inputRoot()) + "): " + packName(copy))));
    }
    return lines;
  }

  private String packName(DigestCopy copy) {
    if (taken.get(copy.relativePath()).size() == 1) {
      return PackNames.digest(copy.relativePath());
    }
    return PackNames.digest("input-root-" + (new ArrayList<>(roots()).indexOf(copy.inputRoot()) + 1),
        copy.relativePath());
  }

  private Set<String> roots() {
    Set<String> roots = new TreeSet<>();
    taken.values().forEach(copies -> roots.addAll(copies.keySet()));
    return roots;
  }
}
