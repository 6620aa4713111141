package io.trailsleuth.analysis;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One raw event a finding relies on, with where to find it.
 *
 * @param eventId CloudTrail eventID (or derived id)
 * @param eventTime when it happened
 * @param eventName API name
 * @param sourceFile file it came from, relative to its input root
 * @param sourceRecord 0-based record index in that file
 */
public record Evidence(String eventId, Instant eventTime, String eventName, String sourceFile, long sourceRecord)
    implements Comparable<Evidence> {
  public Evidence {
    requireNonNull(eventId, "eventId is null");
    requireNonNull(eventTime, "eventTime is null");
    requireNonNull(eventName, "eventName is null");
    requireNonNull(sourceFile, "sourceFile is null");
  }

  @Override
  public int compareTo(Evidence other) {
    int byTime = eventTime.compareTo(other.eventTime);
    return byTime != 0 ? byTime : eventId.compareTo(other.eventId);
  }
}
