package io.trailsleuth.report;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonGenerator;
import io.trailsleuth.analysis.CitedSources;
import io.trailsleuth.analysis.Evidence;
import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * Writes the findings JSON's {@code cloudtrail-event} evidence items: the event, the file and record it was read from
 * with the input root of that file ({@code inputRoot}, null when the store was not asked), and
 * {@code conflictingCopies: true} for an event whose copies differ.
 */
final class EventEvidenceJson {
  private final Set<String> conflicting;
  private final CitedSources sources;

  EventEvidenceJson(Set<String> conflicting, CitedSources sources) {
    this.conflicting = Set.copyOf(conflicting);
    this.sources = requireNonNull(sources, "sources is null");
  }

  /** An {@code evidence} array of the events alone. */
  void array(JsonGenerator json, List<Evidence> evidence) throws IOException {
    json.writeArrayFieldStart("evidence");
    items(json, evidence);
    json.writeEndArray();
  }

  /** The events' items, inside an open array. */
  void items(JsonGenerator json, List<Evidence> evidence) throws IOException {
    for (Evidence item : evidence) {
      json.writeStartObject();
      json.writeStringField("type", "cloudtrail-event");
      json.writeStringField("eventId", item.eventId());
      FindingsJson.time(json, "eventTime", item.eventTime());
      json.writeStringField("eventName", item.eventName());
      json.writeStringField("sourceFile", item.sourceFile());
      json.writeNumberField("sourceRecord", item.sourceRecord());
      json.writeStringField("inputRoot", sources.of(item.eventId())
          .filter(cited -> cited.source().sourceFile().equals(item.sourceFile()))
          .map(cited -> cited.source().inputRoot()).orElse(null));
      if (conflicting.contains(item.eventId())) {
        json.writeBooleanField("conflictingCopies", true);
      }
      json.writeEndObject();
    }
  }
}
