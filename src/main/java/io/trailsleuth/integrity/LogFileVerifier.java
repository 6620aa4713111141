package io.trailsleuth.integrity;

import io.trailsleuth.ingest.LogFileName;
import io.trailsleuth.ingest.SourceFile;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Checks every log file a digest lists against the local copy, and finds local log files no digest lists. */
final class LogFileVerifier {
  /** Log file names carry a time a few minutes before delivery, so a digest's window is widened by this much. */
  private static final Duration NAME_TIME_SLACK = Duration.ofMinutes(15);

  final List<String> verified = new ArrayList<>();
  final List<TamperedFile> tampered = new ArrayList<>();
  final List<MissingFile> missing = new ArrayList<>();
  final List<UnlistedFile> unlisted = new ArrayList<>();
  private final Map<String, List<SourceFile>> localByName = new TreeMap<>();
  private final Map<String, String> hashes = new HashMap<>();
  private final Set<String> listed = new HashSet<>();

  LogFileVerifier(List<SourceFile> logFiles) {
    for (SourceFile file : logFiles) {
      localByName.computeIfAbsent(S3Keys.fileName(file.relativePath()), name -> new ArrayList<>()).add(file);
    }
  }

  void verify(List<Digest> digests) {
    for (Digest digest : digests) {
      for (Digest.ListedLogFile entry : digest.logFiles()) {
        List<SourceFile> copies = localByName.getOrDefault(S3Keys.fileName(entry.s3Object()), List.of()).stream()
            .filter(file -> S3Keys.sameObject(entry.s3Object(), file.relativePath())).toList();
        if (copies.isEmpty()) {
          missing.add(new MissingFile(entry.s3Object(), digest.relativePath()));
        }
        for (SourceFile copy : copies) {
          check(copy, entry, digest);
        }
      }
    }
    for (List<SourceFile> files : localByName.values()) {
      for (SourceFile file : files) {
        if (!listed.contains(file.relativePath())) {
          unlisted.add(unlisted(file.relativePath(), digests));
        }
      }
    }
  }

  private void check(SourceFile copy, Digest.ListedLogFile entry, Digest digest) {
    listed.add(copy.relativePath());
    String actual;
    try {
      actual = hashes.computeIfAbsent(copy.relativePath(), path -> hash(copy));
    } catch (UnreadableLogException e) {
      tampered.add(new TamperedFile(copy.relativePath(), digest.relativePath(), entry.hashValue(), "",
          "cannot be read or decompressed (" + e.getMessage() + ")"));
      return;
    }
    if (HashValues.matches(entry.hashValue(), actual)) {
      verified.add(copy.relativePath());
    } else {
      tampered.add(new TamperedFile(copy.relativePath(), digest.relativePath(), entry.hashValue(), actual,
          "SHA-256 of the decompressed content differs from the digest's hashValue"));
    }
  }

  private static String hash(SourceFile file) {
    try {
      return FileContent.sha256Hex(file.path());
    } catch (IOException e) {
      throw new UnreadableLogException(e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  private static UnlistedFile unlisted(String relativePath, List<Digest> digests) {
    boolean covered = LogFileName.parse(relativePath).map(key -> digests.stream().anyMatch(digest ->
        digest.chainName().startsWith(key.accountId() + "/" + key.region() + "/")
            && covers(digest, key.deliveredMinute()))).orElse(false);
    String explanation = covered
        ? "a digest for this account, region and hour is present but does not list this file: it may be listed by a"
            + " later or backfill digest that is not in the archive, or it was added to the archive afterwards"
        : "no digest in the archive covers this window; that is legitimate when the digests for it were not"
            + " downloaded or log file validation was off, but the file cannot be verified";
    return new UnlistedFile(relativePath, covered, explanation);
  }

  private static boolean covers(Digest digest, Instant time) {
    return digest.startTime().isPresent() && digest.endTime().isPresent()
        && !time.isBefore(digest.startTime().get().minus(NAME_TIME_SLACK)) && !time.isAfter(digest.endTime().get());
  }

  /** A log file that could not be read while hashing. */
  private static final class UnreadableLogException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnreadableLogException(String message) {
      super(message);
    }
  }
}
