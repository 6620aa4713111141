package io.trailsleuth.report;

import com.fasterxml.jackson.core.JsonGenerator;
import io.trailsleuth.analysis.Actor;
import io.trailsleuth.analysis.AtRisk;
import io.trailsleuth.analysis.Breakage;
import io.trailsleuth.analysis.CitedSources;
import io.trailsleuth.analysis.ConflictingEvent;
import io.trailsleuth.analysis.Coverage;
import io.trailsleuth.analysis.DeletedRole;
import io.trailsleuth.analysis.Findings;
import io.trailsleuth.analysis.Recreation;
import io.trailsleuth.analysis.RoleChangeTime;
import io.trailsleuth.analysis.SnapshotFile;
import io.trailsleuth.analysis.UnexplainedDenial;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trailsleuth.common.JsonControlEscapes;
import io.trailsleuth.integrity.IntegrityJson;
import io.trailsleuth.integrity.IntegrityReport;
import java.util.Optional;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/** Writes findings as the stable JSON contract (schemaVersion 2): fixed field names and order, sorted lists. */
public final class FindingsJson {
  public static final int SCHEMA_VERSION = 2;

  private FindingsJson() {}

  /** The findings as pretty-printed JSON text ending in a newline. */
  public static String write(Findings findings) {
    return write(findings, Optional.empty());
  }

  /** The findings with an {@code integrity} block (null when the archive's digests were not checked). */
  public static String write(Findings findings, Optional<IntegrityReport> integrity) {
    return write(findings, integrity, List.of());
  }

  /**
   * The findings with an {@code integrity} block that lists the conflicting copies as
   * {@code integrity.conflictingDuplicates}; the block is null only when the digests were not checked and no event has
   * conflicting copies.
   */
  public static String write(Findings findings, Optional<IntegrityReport> integrity, List<ConflictingEvent> conflicts) {
    return write(findings, integrity, conflicts, CitedSources.none());
  }

  /**
   * The findings as above, each evidence item and each listed snapshot file naming the input root of the file it was
   * read from, as the report and the evidence pack cite it.
   */
  public static String write(Findings findings, Optional<IntegrityReport> integrity, List<ConflictingEvent> conflicts,
      CitedSources sources) {
    StringWriter out = new StringWriter();
    try {
      write(findings, integrity, conflicts, sources, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /**
   * Writes the findings as above to {@code out}, ending in a newline, without holding the text: with no digest in the
   * inputs the integrity block lists every log file, and the text of 100,000 of them, copied as it grew, outgrew the
   * launcher's heap. Does not close {@code out}.
   */
  public static void write(Findings findings, Optional<IntegrityReport> integrity, List<ConflictingEvent> conflicts,
      CitedSources sources, Writer out) throws IOException {
    EvidenceJson evidence = new EvidenceJson(
        conflicts.stream().map(ConflictingEvent::eventId).collect(Collectors.toSet()), sources);
    try (JsonGenerator json = new ObjectMapper().getFactory().createGenerator(out).useDefaultPrettyPrinter()
        .setCharacterEscapes(JsonControlEscapes.INSTANCE)) {
      json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      json.writeStartObject();
      json.writeNumberField("schemaVersion", SCHEMA_VERSION);
      coverage(json, findings.coverage());
      json.writeArrayFieldStart("breakages");
      for (Breakage breakage : findings.breakages()) {
        breakage(json, breakage, evidence);
      }
      json.writeEndArray();
      json.writeArrayFieldStart("atRisk");
      for (AtRisk risk : findings.atRisk()) {
        json.writeStartObject();
        json.writeStringField("accountId", risk.accountId());
        json.writeStringField("region", risk.region());
        json.writeStringField("functionName", risk.functionName());
        json.writeStringField("functionArn", risk.functionArn());
        json.writeStringField("roleName", risk.roleName());
        json.writeStringField("oldRoleId", risk.oldRoleId());
        json.writeStringField("newRoleId", risk.newRoleId());
        json.writeStringField("grantId", risk.grantId());
        json.writeStringField("reason", risk.reason());
        evidence.array(json, risk.evidence());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeArrayFieldStart("deletedRoles");
      for (DeletedRole role : findings.deletedRoles()) {
        json.writeStartObject();
        json.writeStringField("accountId", role.accountId());
        json.writeStringField("roleName", role.roleName());
        json.writeStringField("roleId", role.roleId());
        time(json, "deletedAt", role.deletedAt());
        // without DeleteRole, deletedAt is when AWS Config recorded the deletion: it happened by then
        json.writeStringField("deletedShownBy", role.deletedEventId() == null ? "aws-config" : "DeleteRole");
        json.writeStringField("deletedBy", role.deletedBy().arn());
        json.writeStringField("deletedVia", role.deletedBy().via().label());
        strings(json, "functions", role.functions());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeArrayFieldStart("unexplainedDecryptFailures");
      for (UnexplainedDenial denial : findings.unexplainedDecryptFailures()) {
        json.writeStartObject();
        json.writeStringField("principalArn", denial.principalArn());
        strings(json, "errorCodes", denial.errorCodes());
        json.writeNumberField("count", denial.count());
        time(json, "firstAt", denial.firstAt());
        time(json, "lastAt", denial.lastAt());
        strings(json, "keyArns", denial.keyArns());
        json.writeBooleanField("awsManagedKey", denial.awsManagedKey());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeArrayFieldStart("snapshots");
      for (SnapshotFile file : findings.snapshots()) {
        json.writeStartObject();
        json.writeStringField("file", file.sourceFile());
        json.writeStringField("sha256", file.sha256());
        json.writeStringField("inputRoot", evidence.snapshotInputRoot(file.sourceFile(), file.sha256()));
        json.writeStringField("kind", file.kind());
        json.writeNumberField("items", file.items());
        json.writeEndObject();
      }
      json.writeEndArray();
      PolicyDriftJson.write(json, findings.policyDrift(), evidence);
      json.writeFieldName("integrity");
      if (integrity.isPresent() || !conflicts.isEmpty()) {
        json.writeStartObject();
        if (integrity.isPresent()) {
          IntegrityJson.writeFields(integrity.get(), json);
        }
        json.writeFieldName("conflictingDuplicates");
        json.writeTree(ConflictsJson.toNode(conflicts, integrity));
        json.writeEndObject();
      } else {
        json.writeNull();
      }
      json.writeEndObject();
    }
    out.write("\n");
  }

  private static void coverage(JsonGenerator json, Coverage coverage) throws IOException {
    json.writeObjectFieldStart("coverage");
    json.writeNumberField("files", coverage.files());
    json.writeNumberField("records", coverage.records());
    json.writeNumberField("events", coverage.events());
    json.writeNumberField("duplicates", coverage.duplicates());
    json.writeNumberField("rejected", coverage.rejected());
    json.writeNumberField("skippedFiles", coverage.skippedFiles());
    json.writeNumberField("outOfScopeFiles", coverage.outOfScopeFiles());
    time(json, "firstEventTime", coverage.firstEventTime());
    time(json, "lastEventTime", coverage.lastEventTime());
    strings(json, "accounts", coverage.accounts());
    strings(json, "regions", coverage.regions());
    strings(json, "accountsWithoutIamEvents", coverage.accountsWithoutIamEvents());
    json.writeEndObject();
  }

  private static void breakage(JsonGenerator json, Breakage b, EvidenceJson evidence) throws IOException {
    json.writeStartObject();
    json.writeStringField("accountId", b.accountId());
    json.writeStringField("region", b.region());
    json.writeStringField("functionName", b.functionName());
    json.writeStringField("functionArn", b.functionArn());
    json.writeStringField("roleName", b.roleName());
    json.writeStringField("roleArn", b.roleArn());
    json.writeStringField("oldRoleId", b.oldRoleId());
    json.writeStringField("newRoleId", b.newRoleId());
    json.writeStringField("grantId", b.grantId());
    json.writeStringField("keyArn", b.keyArn());
    time(json, "roleDeletedAt", b.roleDeletedAt());
    bounds(json, "roleDeleted", b.roleDeleted());
    actor(json, "roleDeleted", b.roleDeletedBy());
    time(json, "roleRecreatedAt", b.roleRecreatedAt());
    bounds(json, "roleRecreated", b.roleRecreated());
    actor(json, "roleRecreated", b.roleRecreatedBy());
    json.writeArrayFieldStart("recreations");
    for (Recreation recreation : b.recreations()) {
      json.writeStartObject();
      time(json, "at", recreation.created().at());
      bounds(json, "", recreation.created());
      json.writeStringField("by", recreation.actor().arn());
      json.writeStringField("via", recreation.actor().via().label());
      json.writeStringField("newRoleId", recreation.newRoleId());
      json.writeEndObject();
    }
    json.writeEndArray();
    time(json, "firstFailureAt", b.firstFailureAt());
    time(json, "lastFailureAt", b.lastFailureAt());
    json.writeNumberField("failedDecrypts", b.failedDecrypts());
    time(json, "remediatedAt", b.remediatedAt());
    json.writeStringField("remediatedBy", b.remediatedBy() == null ? null : b.remediatedBy().arn());
    time(json, "recoveredAt", b.recoveredAt());
    json.writeStringField("confidence", b.confidence().label());
    strings(json, "evidenceSources", b.evidenceSources());
    strings(json, "missingEvidence", b.missingEvidence());
    json.writeArrayFieldStart("evidence");
    evidence.events(json, b.evidence());
    evidence.snapshots(json, b.snapshotEvidence());
    json.writeEndArray();
    json.writeEndObject();
  }

  /**
   * The bounds of a time the evidence does not show ({@code prefix}After, {@code prefix}Before; null when exact or
   * unknown) and what shows it ({@code prefix}ShownBy).
   */
  static void bounds(JsonGenerator json, String prefix, RoleChangeTime change) throws IOException {
    time(json, prefix.isEmpty() ? "after" : prefix + "After", change == null ? null : change.after());
    time(json, prefix.isEmpty() ? "before" : prefix + "Before", change == null ? null : change.before());
    json.writeStringField(prefix.isEmpty() ? "shownBy" : prefix + "ShownBy", change == null ? null : change.shownBy());
  }

  private static void actor(JsonGenerator json, String prefix, Actor actor) throws IOException {
    json.writeStringField(prefix + "By", actor == null ? null : actor.arn());
    json.writeStringField(prefix + "Via", actor == null ? null : actor.via().label());
  }

  static void strings(JsonGenerator json, String name, List<String> values) throws IOException {
    json.writeArrayFieldStart(name);
    for (String value : values) {
      json.writeString(value);
    }
    json.writeEndArray();
  }

  static void time(JsonGenerator json, String name, Instant time) throws IOException {
    json.writeStringField(name, time == null ? null : time.toString());
  }
}
