package io.trailsleuth.evidence;

import io.trailsleuth.analysis.SourceCopy;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The source files the pack's records came from, for {@code SOURCES.sha256} and the manifest's comment lines. They are
 * named relative to their input root when they all come from one root at paths no other root holds; else each is
 * named under its input root as given on the command line, so that every line means one file.
 */
final class SourceHashes {
  private final Set<SourceCopy> copies = new TreeSet<>(Comparator.comparing(SourceCopy::inputRoot)
      .thenComparing(SourceCopy::sourceFile).thenComparing(SourceCopy::sourceSha256));

  void add(SourceCopy copy) {
    copies.add(copy);
  }

  /** True when the files come from more than one input root, or a path is ambiguous: each is named under its root. */
  boolean namesRoots() {
    return copies.stream().map(SourceCopy::inputRoot).distinct().count() > 1
        || copies.stream().anyMatch(SourceCopy::pathAmbiguous);
  }

  /** {@code SOURCES.sha256}: what {@code sha256sum -c} checks, in the input root or, when roots are named, where the command ran. */
  String checkList() {
    StringBuilder out = new StringBuilder();
    byName().forEach((name, hash) -> out.append(hash).append("  ").append(name).append('\n'));
    return out.toString();
  }

  /** The manifest's comment lines, one per file, by input root and path. */
  List<String> commentLines() {
    boolean roots = namesRoots();
    return copies.stream().map(copy -> "# source file (" + (roots ? "under input root " + printable(copy.inputRoot())
        : "relative to its input root") + "): " + copy.sourceSha256() + "  " + printable(copy.sourceFile()))
        .toList();
  }

  private Map<String, String> byName() {
    boolean roots = namesRoots();
    Map<String, String> byName = new TreeMap<>();
    for (SourceCopy copy : copies) {
      String name = roots ? InputFiles.locate(copy.inputRoot(), copy.sourceFile()).toString().replace('\\', '/')
          : copy.sourceFile();
      byName.put(printable(name), copy.sourceSha256());
    }
    return byName;
  }

  /** Control characters cannot stand in a line of a check list. */
  static String printable(String text) {
    return text.replaceAll("\\p{Cntrl}", "?");
  }
}
