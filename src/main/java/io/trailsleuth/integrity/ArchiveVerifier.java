package io.trailsleuth.integrity;

import io.trailsleuth.ingest.DecodedContentHashes;
import io.trailsleuth.ingest.LogFileName;
import io.trailsleuth.ingest.SourceFile;
import io.trailsleuth.ingest.SourceWalker;
import io.trailsleuth.ingest.WalkProblem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Verifies a downloaded CloudTrail archive offline against its digest files: log hashes, digest chains and, when keys
 * and signatures are supplied, digest signatures. Files are only read, never modified.
 */
public final class ArchiveVerifier {
  private ArchiveVerifier() {}

  /** Verifies everything under the paths; signatures are checked only when both keys and signatures are given. */
  public static IntegrityReport verify(List<String> paths, Optional<PublicKeys> publicKeys,
      Optional<Signatures> signatures) {
    try {
      return verify(SourceWalker.walk(paths), publicKeys, signatures, DecodedContentHashes.none());
    } catch (InterruptedException e) {
      // no hashes are collected, so nothing waits; keep the interrupt for the caller all the same
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while verifying", e);
    }
  }

  /**
   * Verifies as above the files of a walk of the inputs made already, taking each log file's hash from
   * {@code decodedHashes} when the ingest's parse decoded the whole file. The hashes name files by their position in
   * the walk, so {@code walk} must be the very walk the ingest read (see {@code SharedWalk}): a second walk of the same
   * inputs may find a file more or less and shift every position after it. Digests, chains and signatures are checked
   * first; only then does it wait for the parse to end.
   */
  public static IntegrityReport verify(SourceWalker.Walk walk, Optional<PublicKeys> publicKeys,
      Optional<Signatures> signatures, DecodedContentHashes decodedHashes) throws InterruptedException {
    List<String> notes = new ArrayList<>();
    for (WalkProblem problem : walk.problems()) {
      notes.add("not read: " + problem.reason());
    }
    List<SourceFile> walked = walk.files();
    int[] logFiles = new int[walked.size()];
    int logFileCount = 0;
    List<SourceFile> otherFiles = new ArrayList<>();
    int ignored = 0;
    for (int position = 0; position < walked.size(); position++) {
      SourceFile file = walked.get(position);
      if (file.isStandardInput()) {
        notes.add("standard input (-) cannot be verified: it has no S3 key; save it to a file");
        ignored++;
      } else if (LogFileName.parse(file.relativePath()).isPresent()) {
        logFiles[logFileCount++] = position;
      } else {
        otherFiles.add(file);
      }
    }
    // the log files first, so that a digest's keys that name a local file by its relative path share its string
    LocalLogFiles local = new LocalLogFiles(walked, Arrays.copyOf(logFiles, logFileCount));
    List<Digest> digests = new ArrayList<>();
    List<ChainBreak> unreadableDigests = new ArrayList<>();
    DigestStrings strings = new DigestStrings(local::sameText);
    for (SourceFile file : otherFiles) {
      try {
        Optional<Digest> digest = DigestReader.read(file.path(), file.relativePath(), strings);
        digest.ifPresent(digests::add);
        ignored += digest.isPresent() ? 0 : 1;
      } catch (DigestReader.UnreadableDigestException e) {
        Optional<S3Keys.DigestKey> key = S3Keys.digestKey(file.relativePath());
        if (e.lookedLikeDigest() || key.isPresent()) {
          String chain = key.map(k -> k.accountId() + "/" + k.region() + "/" + k.trailName()).orElse("unknown");
          unreadableDigests.add(new ChainBreak(ChainBreakKind.MALFORMED, chain, file.relativePath(),
              "digest " + e.getMessage(), 0));
        } else {
          notes.add("not read: " + file.relativePath() + " " + e.getMessage());
          ignored++;
        }
      }
    }
    return check(onePerContent(digests, notes), local, unreadableDigests, ignored, notes, publicKeys, signatures,
        decodedHashes);
  }

  /**
   * One digest of each path and content: two input roots holding the same download list every digest twice, and the
   * chain check would take each copy for the previous digest of the other. Copies that differ are all kept.
   */
  private static List<Digest> onePerContent(List<Digest> digests, List<String> notes) {
    // keys of the strings the digests hold, not a joined copy of them: every digest is held at this point
    record PathAndContent(String relativePath, String contentSha256) {}
    Set<PathAndContent> seen = new HashSet<>();
    List<Digest> unique = new ArrayList<>();
    for (Digest digest : digests) {
      if (seen.add(new PathAndContent(digest.relativePath(), digest.contentSha256()))) {
        unique.add(digest);
      }
    }
    int copies = digests.size() - unique.size();
    if (copies > 0) {
      notes.add(copies + " digest file(s) have the same path and content as one under another input root; each is"
          + " checked once");
    }
    return unique;
  }

  private static IntegrityReport check(List<Digest> digests, LocalLogFiles logFiles, List<ChainBreak> breaks,
      int ignored, List<String> notes, Optional<PublicKeys> publicKeys, Optional<Signatures> signatures,
      DecodedContentHashes decodedHashes) throws InterruptedException {
    LogFileVerifier logs = new LogFileVerifier(logFiles, decodedHashes);
    // first, so that the parse beside it stops keeping the hashes of files no digest lists as early as it can
    logs.keepOnlyListedHashes(digests);
    DigestIndex index = new DigestIndex(digests);
    ChainVerifier chains = new ChainVerifier(index);
    chains.verify(digests);
    List<ChainBreak> allBreaks = new ArrayList<>(breaks);
    allBreaks.addAll(chains.breaks);
    notes.addAll(chains.notes);
    SignatureCheck signatureCheck = SignatureCheck.notChecked(digests.size() + breaks.size());
    if (publicKeys.isPresent() && signatures.isPresent()) {
      SignatureVerifier verifier = new SignatureVerifier(publicKeys.get(), signatures.get());
      verifier.verify(digests, index);
      allBreaks.addAll(verifier.breaks);
      signatureCheck = verifier.result();
    }
    // last, as it may wait for the ingest's parse to hand over the log files' hashes
    logs.verify(digests);
    return new IntegrityReport(logs.verified, logs.verifiedCopies, logs.tampered, logs.missing,
        UnlistedFiles.of(logs.unlisted), allBreaks, signatureCheck, digests.size() + breaks.size(), logFiles.count(),
        ignored, notes,
        digests.stream().flatMap(digest -> TrailBucket.of(digest).stream()).toList());
  }
}
