package io.trailsleuth.integrity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Walks each account/region/trail digest chain backwards and reports every break, move and malformed field. */
final class ChainVerifier {
  /** CloudTrail writes one digest per region per hour. */
  private static final Duration DIGEST_PERIOD = Duration.ofHours(1);
  /** Adjacent digests share a boundary; allow clock rounding before calling it a gap. */
  private static final Duration GAP_TOLERANCE = Duration.ofMinutes(1);
  private static final Comparator<Digest> BY_END_TIME =
      Comparator.comparing((Digest digest) -> digest.endTime().orElse(Instant.EPOCH)).thenComparing(Digest::relativePath);

  final List<ChainBreak> breaks = new ArrayList<>();
  final List<String> notes = new ArrayList<>();
  private final DigestIndex index;

  ChainVerifier(DigestIndex index) {
    this.index = index;
  }

  void verify(List<Digest> digests) {
    Map<String, List<Digest>> chains = new TreeMap<>();
    for (Digest digest : digests) {
      digest.malformed().forEach(problem -> breaks.add(ChainBreak.of(ChainBreakKind.MALFORMED, digest, problem)));
      if (!digest.s3Object().isEmpty() && !digest.atRecordedKey()) {
        breaks.add(ChainBreak.of(ChainBreakKind.DIGEST_MOVED, digest, "found at " + digest.relativePath()
            + " but it records its key as " + digest.s3Object() + ": it was moved or renamed after delivery"));
      }
      if (digest.backfill()) {
        notes.add(digest.chainName() + ": backfill digest " + digest.relativePath()
            + " lists late deliveries; it is outside the hourly chain");
      } else {
        chains.computeIfAbsent(digest.chainName(), name -> new ArrayList<>()).add(digest);
      }
    }
    for (List<Digest> chain : chains.values()) {
      chain.sort(BY_END_TIME);
      for (int position = 0; position < chain.size(); position++) {
        checkLink(chain.get(position), position == 0 ? Optional.empty() : Optional.of(chain.get(position - 1)));
      }
    }
  }

  private void checkLink(Digest digest, Optional<Digest> older) {
    if (digest.previousS3Object().isEmpty()) {
      if (older.isPresent()) {
        breaks.add(ChainBreak.of(ChainBreakKind.NULL_LINK, digest, "no link to a previous digest although the older "
            + older.get().relativePath() + " is present: logging or log file validation was switched off between "
            + time(older.get().endTime()) + " and " + time(digest.startTime())));
      } else {
        notes.add(digest.chainName() + ": the chain starts at " + digest.relativePath()
            + " (a null previous link: the first digest after logging or validation was turned on)");
      }
      return;
    }
    String previousKey = digest.previousS3Object().get();
    Optional<Digest> previous = index.previousOf(digest);
    if (previous.isPresent()) {
      checkPrevious(digest, previous.get());
    } else if (older.isEmpty()) {
      notes.add(digest.chainName() + ": the oldest digest in the archive, " + digest.relativePath() + ", links to "
          + previousKey + ", which is not in the archive; that is expected when the archive starts there");
    } else {
      int count = missingCount(older.get().endTime(), digest.startTime());
      breaks.add(new ChainBreak(ChainBreakKind.MISSING_DIGEST, digest.chainName(), digest.relativePath(),
          "links to the previous digest " + previousKey + ", which is not in the archive; the next older digest present"
              + " is " + older.get().relativePath() + ", so " + count + " consecutive digest(s) are missing between "
              + time(older.get().endTime()) + " and " + time(digest.startTime()), count));
    }
  }

  private void checkPrevious(Digest digest, Digest previous) {
    Optional<String> recorded = digest.previousHashValue();
    if (recorded.isEmpty()) {
      breaks.add(ChainBreak.of(ChainBreakKind.MALFORMED, digest,
          "previousDigestHashValue is missing although previousDigestS3Object is set"));
    } else if (!HashValues.matches(recorded.get(), previous.contentSha256())) {
      breaks.add(ChainBreak.of(ChainBreakKind.PREVIOUS_HASH_MISMATCH, digest, "previousDigestHashValue "
          + HashValues.abbreviate(recorded.get()) + " does not match the SHA-256 " + previous.contentSha256() + " of "
          + previous.relativePath() + ": the previous digest was altered"));
    }
    if (previous.endTime().isPresent() && digest.startTime().isPresent()) {
      Duration gap = Duration.between(previous.endTime().get(), digest.startTime().get());
      if (gap.compareTo(GAP_TOLERANCE) > 0) {
        breaks.add(new ChainBreak(ChainBreakKind.COVERAGE_GAP, digest.chainName(), digest.relativePath(),
            "the previous digest " + previous.relativePath() + " ends at " + time(previous.endTime())
                + " but this one starts at " + time(digest.startTime()) + ": " + gap.toMinutes()
                + " minutes are covered by no digest", 0));
      }
    }
  }

  private static int missingCount(Optional<Instant> olderEnd, Optional<Instant> start) {
    if (olderEnd.isEmpty() || start.isEmpty()) {
      return 1;
    }
    long minutes = Duration.between(olderEnd.get(), start.get()).toMinutes();
    return (int) Math.max(1, Math.round(minutes / (double) DIGEST_PERIOD.toMinutes()));
  }

  private static String time(Optional<Instant> time) {
    return time.map(Instant::toString).orElse("an unknown time");
  }
}
