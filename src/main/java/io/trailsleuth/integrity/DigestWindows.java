package io.trailsleuth.integrity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The time windows the digests of each account and region cover, indexed so that whether one covers a log file's
 * delivery time takes a hash lookup and a binary search, not a scan of every digest for every file.
 */
final class DigestWindows {
  private final Map<String, Windows> byAccountRegion = new HashMap<>();

  /**
   * Indexes the digests with both a start and an end time; a window opens {@code slack} before the digest's start, as
   * a log file's name carries a time a few minutes before its delivery.
   */
  DigestWindows(List<Digest> digests, Duration slack) {
    Map<String, List<Digest>> grouped = new HashMap<>();
    for (Digest digest : digests) {
      String accountRegion = accountRegion(digest.chainName());
      if (accountRegion != null && digest.startTime().isPresent() && digest.endTime().isPresent()) {
        grouped.computeIfAbsent(accountRegion, key -> new ArrayList<>()).add(digest);
      }
    }
    grouped.forEach((accountRegion, windows) -> byAccountRegion.put(accountRegion, new Windows(windows, slack)));
  }

  /** True when a digest of the account and region has a window holding the time, its ends included. */
  boolean covers(String accountId, String region, Instant time) {
    Windows windows = byAccountRegion.get(accountId + "/" + region + "/");
    return windows != null && windows.hold(time);
  }

  /** A chain name's account and region, "ACCOUNT/REGION/"; null when it has no two '/'-separated parts before a third. */
  private static String accountRegion(String chainName) {
    int first = chainName.indexOf('/');
    int second = first < 0 ? -1 : chainName.indexOf('/', first + 1);
    return second < 0 ? null : chainName.substring(0, second + 1);
  }

  /** The windows of one account and region, by start, with the latest end among each start and those before it. */
  private static final class Windows {
    private final Duration slack;
    private final Instant[] starts;
    private final Instant[] latestEnds;

    Windows(List<Digest> digests, Duration slack) {
      this.slack = slack;
      List<Digest> byStart = digests.stream().sorted(Comparator.comparing(digest -> digest.startTime().get())).toList();
      starts = new Instant[byStart.size()];
      latestEnds = new Instant[byStart.size()];
      for (int index = 0; index < starts.length; index++) {
        starts[index] = byStart.get(index).startTime().get();
        Instant end = byStart.get(index).endTime().get();
        latestEnds[index] = index == 0 || end.isAfter(latestEnds[index - 1]) ? end : latestEnds[index - 1];
      }
    }

    /**
     * True when some window opens at or before the time (start minus slack, compared as start against time plus
     * slack) and ends at or after it: the latest end among the windows open by then reaches it.
     */
    boolean hold(Instant time) {
      Instant latestStart = time.plus(slack);
      int low = 0;
      int high = starts.length;
      while (low < high) {
        int middle = (low + high) >>> 1;
        if (starts[middle].isAfter(latestStart)) {
          high = middle;
        } else {
          low = middle + 1;
        }
      }
      return low > 0 && !time.isAfter(latestEnds[low - 1]);
    }
  }
}
