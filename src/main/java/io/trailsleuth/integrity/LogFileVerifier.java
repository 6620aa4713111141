package io.trailsleuth.integrity;

import io.trailsleuth.ingest.DecodedContentHashes;
import io.trailsleuth.ingest.LogFileName;
import io.trailsleuth.ingest.RootedPath;
import io.trailsleuth.ingest.SourceFile;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks every log file a digest lists against the local copy, and finds local log files no digest lists. A file's
 * hash comes from the ingest's parse when that decoded the whole file, else from reading the file here.
 */
final class LogFileVerifier {
  /** Log file names carry a time a few minutes before delivery, so a digest's window is widened by this much. */
  private static final Duration NAME_TIME_SLACK = Duration.ofMinutes(15);

  final List<String> verified = new ArrayList<>();
  /** Each copy whose hash matched, by input root: one copy of a path may match while another under a second root fails. */
  final List<RootedPath> verifiedCopies = new ArrayList<>();
  final List<TamperedFile> tampered = new ArrayList<>();
  final List<MissingFile> missing = new ArrayList<>();
  final List<UnlistedFile> unlisted = new ArrayList<>();
  private final LocalLogFiles local;
  // by the copy's own path: two input roots with the same layout hold different copies under one relative path
  private final Map<Path, String> hashes = new HashMap<>();
  private final Set<Path> listed = new HashSet<>();
  private final DecodedContentHashes decodedHashes;

  LogFileVerifier(LocalLogFiles local, DecodedContentHashes decodedHashes) {
    this.decodedHashes = decodedHashes;
    this.local = local;
  }

  /**
   * Tells the ingest's parse which copies the digests list, so that it keeps the hashes of those alone: the check
   * compares no other. Called as soon as the digests are read, while the parse may still run.
   */
  void keepOnlyListedHashes(List<Digest> digests) {
    if (!decodedHashes.isCollecting()) {
      return;
    }
    List<RootedPath> listedCopies = new ArrayList<>();
    for (Digest digest : digests) {
      for (ListedLogFile entry : digest.logFiles()) {
        local.copiesOf(entry.s3Object()).forEach(copy -> listedCopies.add(RootedPath.of(copy)));
      }
    }
    decodedHashes.keepOnly(listedCopies);
  }

  /** Checks the files; waits, if the hashes are still being collected, for the ingest's parse to end. */
  void verify(List<Digest> digests) throws InterruptedException {
    for (Digest digest : digests) {
      for (ListedLogFile entry : digest.logFiles()) {
        List<SourceFile> copies = local.copiesOf(entry.s3Object());
        if (copies.isEmpty()) {
          missing.add(new MissingFile(entry.s3Object(), digest.relativePath()));
        }
        for (SourceFile copy : copies) {
          check(copy, entry, digest);
        }
      }
    }
    DigestWindows windows = new DigestWindows(digests, NAME_TIME_SLACK);
    for (SourceFile file : local.all()) {
      if (!listed.contains(file.path())) {
        unlisted.add(unlisted(file.relativePath(), windows));
      }
    }
    // a path is counted verified only when no copy of it failed; each copy that matched stays in verifiedCopies, so
    // dedup prefers it and a citation of it says verified
    Set<String> failed = new HashSet<>();
    tampered.forEach(file -> failed.add(file.path()));
    verified.removeIf(failed::contains);
  }

  private void check(SourceFile copy, ListedLogFile entry, Digest digest) throws InterruptedException {
    // one Path for both sets: a SourceFile makes a new one at each call (about 150 bytes a listed file)
    Path path = copy.path();
    listed.add(path);
    String actual = hashes.get(path);
    if (actual == null) {
      try {
        actual = hash(copy);
      } catch (IOException e) {
        tampered.add(new TamperedFile(copy.relativePath(), digest.relativePath(), entry.hashValue(), "",
            "cannot be read or decompressed (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")"
                + whichCopy(copy)));
        return;
      }
      hashes.put(path, actual);
    }
    if (HashValues.matches(entry.hashValue(), actual)) {
      verified.add(copy.relativePath());
      verifiedCopies.add(RootedPath.of(copy));
    } else {
      tampered.add(new TamperedFile(copy.relativePath(), digest.relativePath(), entry.hashValue(), actual,
          "SHA-256 of the decompressed content differs from the digest's hashValue" + whichCopy(copy)));
    }
  }

  /** Names the input root when another input root holds a copy under the same relative path; else nothing. */
  private String whichCopy(SourceFile copy) {
    return local.copiesAt(copy.relativePath()) > 1
        ? "; this is the copy under input root " + copy.inputRoot() + ", and another input root holds one at this path"
        : "";
  }

  /** The SHA-256 of the decompressed content: the ingest's when it decoded the whole file, else read here. */
  private String hash(SourceFile file) throws IOException, InterruptedException {
    Optional<String> decoded = decodedHashes.awaitHash(file);
    return decoded.isPresent() ? decoded.get() : FileContent.sha256Hex(file.path());
  }

  private static UnlistedFile unlisted(String relativePath, DigestWindows windows) {
    boolean covered = LogFileName.parse(relativePath)
        .map(key -> windows.covers(key.accountId(), key.region(), key.deliveredMinute())).orElse(false);
    return new UnlistedFile(relativePath, covered);
  }
}
