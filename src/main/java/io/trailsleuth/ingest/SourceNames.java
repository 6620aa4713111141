package io.trailsleuth.ingest;

import java.util.Locale;

/** What an input file's name says: whether it should be a log, and whether it claims gzip. */
final class SourceNames {
  private SourceNames() {}

  /** True for names a log or export would have; garbage in such a file is rejected, not skipped. */
  static boolean looksLikeLog(String sourceFile) {
    String name = sourceFile.toLowerCase(Locale.ROOT);
    return sourceFile.equals("<stdin>") || name.endsWith(".json") || name.endsWith(".gz") || name.endsWith(".jsonl")
        || name.endsWith(".ndjson") || name.endsWith(".log");
  }

  /** True when the name ends in .gz. */
  static boolean isGzipName(String sourceFile) {
    return sourceFile.toLowerCase(Locale.ROOT).endsWith(".gz");
  }
}
