package io.trailsleuth.report;

import io.trailsleuth.analysis.CitedSources;
import io.trailsleuth.analysis.SnapshotEvidence;
import io.trailsleuth.analysis.SourceCopy;
import io.trailsleuth.common.MarkdownText;
import java.util.function.UnaryOperator;

/** How the report names the file and record a citation means, and the input root when the path is ambiguous. */
final class SourceCitation {
  private SourceCitation() {}

  /**
   * For a table cell: {@code `PATH #RECORD`}, followed by {@code under input root `ROOT`} when another input root
   * holds a file read at the same relative path (the root as given on the command line).
   */
  static String markdown(SourceCopy source, long record) {
    return cite(source, record, MarkdownText::cellCode);
  }

  /** {@link #markdown} for running text outside a table. */
  static String prose(SourceCopy source, long record) {
    return cite(source, record, MarkdownText::code);
  }

  /** {@link #markdown} as plain text, for text escaped as a whole: {@code PATH #RECORD under input root ROOT}. */
  static String plain(SourceCopy source, long record) {
    return cite(source, record, UnaryOperator.identity());
  }

  /** A file alone in running text: {@code `PATH`}, followed by {@code under input root `ROOT`} likewise. */
  static String proseFile(SourceCopy source) {
    return proseFile(source.sourceFile(), source.pathAmbiguous() ? source.inputRoot() : null);
  }

  /** {@link #proseFile(SourceCopy)} of a file whose input root is given only where its path is ambiguous (else null). */
  static String proseFile(String sourceFile, String ambiguousRoot) {
    String cited = MarkdownText.code(sourceFile);
    return ambiguousRoot == null ? cited : cited + " under input root " + MarkdownText.code(ambiguousRoot);
  }

  /** The copy of its file a snapshot item was read from, under its input root when the store lists it. */
  static SourceCopy of(SnapshotEvidence item, CitedSources sources) {
    return sources.snapshotFile(item.sourceFile(), item.sourceSha256());
  }

  private static String cite(SourceCopy source, long record, UnaryOperator<String> quote) {
    String cited = quote.apply(source.sourceFile() + " #" + record);
    return source.pathAmbiguous() ? cited + " under input root " + quote.apply(source.inputRoot()) : cited;
  }
}
