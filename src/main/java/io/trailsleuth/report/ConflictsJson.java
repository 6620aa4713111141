package io.trailsleuth.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailsleuth.analysis.ConflictCitation;
import io.trailsleuth.analysis.ConflictVersion;
import io.trailsleuth.analysis.ConflictingEvent;
import io.trailsleuth.integrity.FileIntegrity;
import io.trailsleuth.integrity.IntegrityReport;
import java.util.List;
import java.util.Optional;

/** The findings JSON's {@code integrity.conflictingDuplicates}: every version of each event whose copies differ. */
final class ConflictsJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ConflictsJson() {}

  /**
   * {@code [{eventId, versions: [{sourceFile, sourceRecord, sourceSha256, inputRoot, recordSha256, verified, used,
   * differingFields}], citedBy: [{finding, functionArn, effect}]}]}, ordered by eventId; {@code verified} is null
   * when the digests were not checked; {@code verified} is of this copy, {@code inputRoot} the root it was read under.
   */
  static ArrayNode toNode(List<ConflictingEvent> conflicts, Optional<IntegrityReport> integrity) {
    ArrayNode events = MAPPER.createArrayNode();
    for (ConflictingEvent event : conflicts) {
      ObjectNode node = events.addObject();
      node.put("eventId", event.eventId());
      ArrayNode versions = node.putArray("versions");
      for (ConflictVersion version : event.versions()) {
        ObjectNode item = versions.addObject();
        item.put("sourceFile", version.sourceFile());
        item.put("sourceRecord", version.sourceRecord());
        item.put("sourceSha256", version.sourceSha256());
        item.put("inputRoot", EvidenceJson.inputRoot(version.source()));
        item.put("recordSha256", version.recordSha256());
        if (integrity.isPresent()) {
          item.put("verified", integrity.get().statusOf(version.source().inputRoot(), version.sourceFile())
              == FileIntegrity.VERIFIED);
        } else {
          item.putNull("verified");
        }
        item.put("used", version.used());
        ArrayNode fields = item.putArray("differingFields");
        version.differingFields().forEach(fields::add);
      }
      ArrayNode cited = node.putArray("citedBy");
      for (ConflictCitation citation : event.citedBy()) {
        cited.addObject().put("finding", citation.finding()).put("functionArn", citation.functionArn())
            .put("effect", citation.effect());
      }
    }
    return events;
  }
}
