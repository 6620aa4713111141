package io.trailsleuth.integrity;

import io.trailsleuth.ingest.DecodedContentHashes;
import io.trailsleuth.ingest.LogFileName;
import io.trailsleuth.ingest.RootedPath;
import io.trailsleuth.ingest.SourceFile;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

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
  /** The local log files no digest lists, once {@link #verify} has run. */
  UnlistedFiles unlisted = UnlistedFiles.of(List.of());
  private final LocalLogFiles local;
  /**
   * The hashes this check read itself, by the copy's own path (two input roots with the same layout hold different
   * copies under one relative path), so that a file listed twice is read once; the parse's hashes are looked up again.
   */
  private final Map<Path, String> hashesRead = new HashMap<>();
  /** The positions in the local files of the copies a digest lists: one bit a file, not a Path (about 200 bytes). */
  private final BitSet listed = new BitSet();
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
    IntStream.Builder listedCopies = IntStream.builder();
    for (Digest digest : digests) {
      for (ListedLogFile entry : digest.logFiles()) {
        for (int position : local.positionsOf(entry.s3Object())) {
          listedCopies.add(local.walkPosition(position));
        }
      }
    }
    decodedHashes.keepOnly(listedCopies.build().toArray());
  }

  /** Checks the files; waits, if the hashes are still being collected, for the ingest's parse to end. */
  void verify(List<Digest> digests) throws InterruptedException {
    for (Digest digest : digests) {
      for (ListedLogFile entry : digest.logFiles()) {
        int[] copies = local.positionsOf(entry.s3Object());
        if (copies.length == 0) {
          missing.add(new MissingFile(entry.s3Object(), digest.relativePath()));
        }
        for (int position : copies) {
          listed.set(position);
          check(local.at(position), local.walkPosition(position), entry, digest);
        }
      }
    }
    DigestWindows windows = new DigestWindows(digests, NAME_TIME_SLACK);
    List<SourceFile> unlistedFiles = local.unlisted(listed);
    // each file made as it is read: with no digest every log file is unlisted
    unlisted = UnlistedFiles.ofSorted(new AbstractList<>() {
      @Override
      public UnlistedFile get(int index) {
        return unlisted(unlistedFiles.get(index).relativePath(), windows);
      }

      @Override
      public int size() {
        return unlistedFiles.size();
      }
    });
    // a path is counted verified only when no copy of it failed; each copy that matched stays in verifiedCopies, so
    // dedup prefers it and a citation of it says verified
    Set<String> failed = new HashSet<>();
    tampered.forEach(file -> failed.add(file.path()));
    verified.removeIf(failed::contains);
  }

  private void check(SourceFile copy, int walkPosition, ListedLogFile entry, Digest digest)
      throws InterruptedException {
    String actual;
    try {
      actual = hash(copy, walkPosition);
    } catch (IOException e) {
      tampered.add(new TamperedFile(copy.relativePath(), digest.relativePath(), entry.hashValue(), "",
          "cannot be read or decompressed (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")"
              + whichCopy(copy)));
      return;
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

  /**
   * The SHA-256 of the decompressed content: the ingest's when it decoded the whole file, else one this check read
   * before at the copy's path, else read here.
   */
  private String hash(SourceFile file, int walkPosition) throws IOException, InterruptedException {
    Path path = file.path();
    String read = hashesRead.get(path);
    if (read != null) {
      return read;
    }
    Optional<String> decoded = decodedHashes.awaitHash(walkPosition);
    if (decoded.isPresent()) {
      return decoded.get();
    }
    read = FileContent.sha256Hex(path);
    hashesRead.put(path, read);
    return read;
  }

  private static UnlistedFile unlisted(String relativePath, DigestWindows windows) {
    boolean covered = LogFileName.parse(relativePath)
        .map(key -> windows.covers(key.accountId(), key.region(), key.deliveredMinute())).orElse(false);
    return new UnlistedFile(relativePath, covered);
  }
}
