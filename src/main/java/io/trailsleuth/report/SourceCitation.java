package io.trailsleuth.report;

import static io.trailsleuth.common.MarkdownText.cellCode;

import io.trailsleuth.analysis.SourceCopy;

/** How the markdown report's tables name the file and record a citation means, and the input root when the path is ambiguous. */
final class SourceCitation {
  private SourceCitation() {}

  /**
   * {@code `PATH #RECORD`}, followed by {@code under input root `ROOT`} when another input root holds a file read at
   * the same relative path (the root as given on the command line).
   */
  static String markdown(SourceCopy source, long record) {
    String cited = cellCode(source.sourceFile() + " #" + record);
    return source.pathAmbiguous() ? cited + " under input root " + cellCode(source.inputRoot()) : cited;
  }
}
