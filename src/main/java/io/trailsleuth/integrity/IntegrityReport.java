package io.trailsleuth.integrity;

import static java.util.Objects.requireNonNull;

import io.trailsleuth.ingest.RootedPath;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * The outcome of verifying an archive against its digest files; every list is sorted.
 *
 * @param verifiedFiles log files whose hash matches their digest, relative to their input root; a path with a copy
 *     under another input root that does not match is left out
 * @param verifiedCopies each copy whose hash matches its digest, by input root and relative path
 * @param tampered log files whose hash does not match
 * @param missing log files a digest lists that are not in the archive
 * @param unlisted local log files no digest lists, sorted by path and held compactly
 * @param chainBreaks breaks in the digest chains and malformed digests
 * @param signatures the signature checks, or why none were made
 * @param digestsChecked how many digest files were read
 * @param logFilesFound how many local log files were found
 * @param ignoredFiles how many files were neither digests nor log files
 * @param notes other observations (chain starts, unreadable paths), sorted
 * @param trailBuckets the buckets and key prefixes the digests found at their recorded keys name, sorted
 */
public record IntegrityReport(
    List<String> verifiedFiles,
    List<RootedPath> verifiedCopies,
    List<TamperedFile> tampered,
    List<MissingFile> missing,
    UnlistedFiles unlisted,
    List<ChainBreak> chainBreaks,
    SignatureCheck signatures,
    int digestsChecked,
    int logFilesFound,
    int ignoredFiles,
    List<String> notes,
    List<TrailBucket> trailBuckets) {
  public IntegrityReport {
    verifiedFiles = verifiedFiles.stream().sorted().distinct().toList();
    verifiedCopies = verifiedCopies.stream().sorted().distinct().toList();
    // distinct: two input roots with the same digests list each log file twice
    tampered = tampered.stream().distinct()
        .sorted(Comparator.comparing(TamperedFile::path).thenComparing(TamperedFile::digest)
            .thenComparing(TamperedFile::detail)).toList();
    missing = missing.stream().distinct()
        .sorted(Comparator.comparing(MissingFile::s3Object).thenComparing(MissingFile::digest)).toList();
    requireNonNull(unlisted, "unlisted is null");
    chainBreaks = chainBreaks.stream().sorted(ChainBreak.ORDER).toList();
    requireNonNull(signatures, "signatures is null");
    notes = notes.stream().sorted().toList();
    trailBuckets = trailBuckets.stream().distinct().sorted(TrailBucket.ORDER).toList();
  }

  /** True when tampering, missing files, chain breaks or failed signatures were found. */
  public boolean failed() {
    return !tampered.isEmpty() || !missing.isEmpty() || !chainBreaks.isEmpty() || signatures.failed();
  }

  /**
   * The distinct paths of the log files found: each is verified, tampered or unlisted. Fewer than {@link #logFilesFound}
   * when input roots hold copies at the same path.
   */
  public int logFilePaths() {
    return verifiedFiles.size() + (int) tampered.stream().map(TamperedFile::path).distinct().count()
        + (int) unlisted.stream().map(UnlistedFile::path).distinct().count();
  }

  /** Passed only when digests were checked and nothing failed; not checked when there was no digest. */
  public IntegrityStatus status() {
    if (failed()) {
      return IntegrityStatus.FAILED;
    }
    return digestsChecked == 0 ? IntegrityStatus.NOT_CHECKED : IntegrityStatus.PASSED;
  }

  /** True when the inputs held neither a digest nor a log file. */
  public boolean nothingFound() {
    return digestsChecked == 0 && logFilesFound == 0;
  }

  /**
   * The status of one file, by its path relative to its input root: not checked when the check did not see it as a
   * log file (a file of an earlier ingest into the store, or one not named as CloudTrail names its log files).
   */
  public FileIntegrity statusOf(String relativePath) {
    if (tampered.stream().anyMatch(file -> file.path().equals(relativePath))) {
      return FileIntegrity.TAMPERED;
    }
    if (Collections.binarySearch(verifiedFiles, relativePath) >= 0) {
      return FileIntegrity.VERIFIED;
    }
    return unlisted.containsPath(relativePath) ? FileIntegrity.UNVERIFIED
        : FileIntegrity.NOT_CHECKED;
  }

  /**
   * The status of one copy of a file, by its input root and its path relative to it: verified when this copy matched
   * its digest, even when a copy under another input root at the same path did not; else as {@link #statusOf(String)}.
   */
  public FileIntegrity statusOf(String inputRoot, String relativePath) {
    if (Collections.binarySearch(verifiedCopies, new RootedPath(inputRoot, relativePath)) >= 0) {
      return FileIntegrity.VERIFIED;
    }
    return statusOf(relativePath);
  }
}
