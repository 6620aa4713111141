package io.trailsleuth.report;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonGenerator;
import io.trailsleuth.analysis.CitedSources;
import io.trailsleuth.analysis.Evidence;
import io.trailsleuth.analysis.SnapshotEvidence;
import io.trailsleuth.analysis.SourceCopy;
import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * Writes the findings JSON's evidence items: {@code cloudtrail-event} items (the event, the file and record it was read
 * from, and {@code conflictingCopies}, true for an event whose copies differ) and {@code snapshot-item} items, each with
 * the input root its file was read under ({@code inputRoot}, null when the store was not asked). As everywhere in the
 * findings JSON, every member is written: a value not known is null, never left out.
 */
final class EvidenceJson {
  private final Set<String> conflicting;
  private final CitedSources sources;

  EvidenceJson(Set<String> conflicting, CitedSources sources) {
    this.conflicting = Set.copyOf(conflicting);
    this.sources = requireNonNull(sources, "sources is null");
  }

  /** An {@code evidence} array of the events alone. */
  void array(JsonGenerator json, List<Evidence> evidence) throws IOException {
    json.writeArrayFieldStart("evidence");
    events(json, evidence);
    json.writeEndArray();
  }

  /** The events' items, inside an open array. */
  void events(JsonGenerator json, List<Evidence> evidence) throws IOException {
    for (Evidence item : evidence) {
      json.writeStartObject();
      json.writeStringField("type", "cloudtrail-event");
      json.writeStringField("eventId", item.eventId());
      FindingsJson.time(json, "eventTime", item.eventTime());
      json.writeStringField("eventName", item.eventName());
      json.writeStringField("sourceFile", item.sourceFile());
      json.writeNumberField("sourceRecord", item.sourceRecord());
      json.writeStringField("inputRoot", sources.sourceOf(item).map(EvidenceJson::inputRoot).orElse(null));
      json.writeBooleanField("conflictingCopies", conflicting.contains(item.eventId()));
      json.writeEndObject();
    }
  }

  /** The snapshot items' items, inside an open array. */
  void snapshots(JsonGenerator json, List<SnapshotEvidence> items) throws IOException {
    for (SnapshotEvidence item : items) {
      json.writeStartObject();
      json.writeStringField("type", "snapshot-item");
      json.writeStringField("snapshotKind", item.kind());
      json.writeStringField("sourceFile", item.sourceFile());
      json.writeStringField("sourceSha256", item.sourceSha256());
      json.writeStringField("inputRoot", snapshotInputRoot(item.sourceFile(), item.sourceSha256()));
      json.writeNumberField("itemIndex", item.itemIndex());
      json.writeStringField("shows", item.summary());
      json.writeEndObject();
    }
  }

  /** The input root a snapshot file was read under; null when the store was not asked. */
  String snapshotInputRoot(String sourceFile, String sourceSha256) {
    return inputRoot(sources.snapshotFile(sourceFile, sourceSha256));
  }

  /** The input root a copy was read under; null when it is not known (findings made without a store). */
  static String inputRoot(SourceCopy source) {
    return source.inputRoot().isEmpty() ? null : source.inputRoot();
  }
}
