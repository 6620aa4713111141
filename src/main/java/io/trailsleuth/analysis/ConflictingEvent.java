package io.trailsleuth.analysis;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * An eventID whose copies differ in content: every version, and the findings that cite it.
 *
 * @param eventId the shared eventID
 * @param versions every version, ordered by source file and record
 * @param citedBy findings whose evidence cites this event
 */
public record ConflictingEvent(String eventId, List<ConflictVersion> versions, List<ConflictCitation> citedBy) {
  public ConflictingEvent {
    requireNonNull(eventId, "eventId is null");
    versions = List.copyOf(versions);
    citedBy = List.copyOf(citedBy);
  }

  /** The version the analysis used, when the events view holds one of the listed versions. */
  public Optional<ConflictVersion> used() {
    return versions.stream().filter(ConflictVersion::used).findFirst();
  }

  /** The same event with the findings that cite it. */
  public ConflictingEvent citedBy(List<ConflictCitation> citations) {
    return new ConflictingEvent(eventId, versions, citations);
  }
}
