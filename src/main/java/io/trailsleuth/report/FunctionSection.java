package io.trailsleuth.report;

import static io.trailsleuth.common.MarkdownText.cell;
import static io.trailsleuth.common.MarkdownText.cellCode;
import static io.trailsleuth.common.MarkdownText.code;
import static io.trailsleuth.report.Durations.time;

import io.trailsleuth.analysis.Actor;
import io.trailsleuth.analysis.Breakage;
import io.trailsleuth.analysis.CitedSources;
import io.trailsleuth.analysis.DenialRun;
import io.trailsleuth.analysis.Recreation;
import io.trailsleuth.analysis.RoleChangeTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** One broken function's section: a timeline table and a Mermaid sequence diagram of grant → deletion → re-creation → failures → fix. */
final class FunctionSection {
  private record Step(Instant at, String event, Actor actor, String detail) {}

  private FunctionSection() {}

  static void write(StringBuilder out, Breakage b, TrailLayouts layouts, CitedSources sources) {
    List<Step> steps = steps(b, sources);
    out.append("## Function ").append(code(b.functionName())).append(" (").append(cell(b.accountId())).append(", ")
        .append(cell(b.region())).append(")\n\n");
    out.append("| Time | Event | Actor | Via | Detail |\n| --- | --- | --- | --- | --- |\n");
    for (Step step : steps) {
      out.append("| ").append(time(step.at())).append(" | ").append(cell(step.event())).append(" | ")
          .append(step.actor() == null ? "—" : cellCode(step.actor().arn())).append(" | ")
          .append(step.actor() == null ? "—" : step.actor().via().label()).append(" | ").append(cell(step.detail()))
          .append(" |\n");
    }
    out.append("\n```mermaid\nsequenceDiagram\n");
    out.append("  participant L as Lambda ").append(MermaidText.label(b.functionName())).append('\n');
    out.append("  participant K as KMS grant\n");
    out.append("  participant I as IAM role ").append(MermaidText.label(b.roleName())).append('\n');
    for (Step step : steps) {
      String label = MermaidText.label(time(step.at()) + " " + diagramLabel(step.event()));
      String arrow = step.event().startsWith("Decrypt") || step.event().contains("cold start") ? "L->>K: "
          : step.event().contains("Role") ? "I->>I: " : "L->>K: ";
      out.append("  ").append(arrow).append(label).append('\n');
    }
    out.append("```\n\n");
    EvidenceBlock.write(out, b, layouts, sources);
  }

  /** The re-creation's row: CreateRole with its actor, a snapshot's CreateDate, or the first sighting that bounds it. */
  private static Step creation(Recreation recreation, Instant previousDeletedAt, CitedSources sources) {
    RoleChangeText.Row row = RoleChangeText.creationRow(recreation.created(), recreation.newRoleId(), previousDeletedAt,
        sources);
    return new Step(row.at(), row.event(), row.cloudTrail() ? recreation.actor() : null, row.detail());
  }

  /** The deletion's row: DeleteRole with its actor, or when AWS Config recorded it; none for a grant listing. */
  private static void deletion(List<Step> steps, String roleName, String roleId, RoleChangeTime deleted, Actor by,
      CitedSources sources) {
    RoleChangeText.Row row = RoleChangeText.deletionRow(deleted, roleName, roleId, sources);
    if (row != null) {
      steps.add(new Step(row.at(), row.event(), row.cloudTrail() ? by : null, row.detail()));
    }
  }

  /** A row's event for the diagram: a role row without its parenthesis (what shows it stays in the table). */
  private static String diagramLabel(String event) {
    int note = event.indexOf(" (");
    return event.startsWith("Role ") && note > 0 ? event.substring(0, note) : event;
  }

  private static String deniedDecrypts(long count) {
    return count + (count == 1 ? " denied Decrypt (cold start)" : " denied Decrypts (cold starts)");
  }

  private static String shortId(String id) {
    return id.length() > 12 ? id.substring(0, 12) + "…" : id;
  }

  private static List<Step> steps(Breakage b, CitedSources sources) {
    List<Step> steps = new ArrayList<>();
    Instant grantBefore = b.roleRecreated() != null ? b.roleRecreated().placedAt() : b.firstFailureAt();
    String bound = b.oldRoleId() == null ? "the role's unique ID at that time (not in the evidence)" : b.oldRoleId();
    b.evidence().stream().filter(e -> e.eventName().equals("CreateGrant") && e.eventTime().isBefore(grantBefore))
        .findFirst().ifPresent(e -> steps.add(new Step(e.eventTime(), "CreateGrant",
            null, "Lambda grant " + (b.grantId() == null ? "" : shortId(b.grantId()) + " ") + "bound to " + bound)));
    deletion(steps, b.roleName(), bound, b.roleDeleted(), b.roleDeletedBy(), sources);
    // every generation of the role in the incident: its creation, its deletion, and the Decrypts denied under it
    Instant previousDeletedAt = b.roleDeletedAt();
    for (Recreation recreation : b.recreations()) {
      steps.add(creation(recreation, previousDeletedAt, sources));
      deletion(steps, b.roleName(), recreation.newRoleId(), recreation.deleted(), recreation.deletedBy(), sources);
      previousDeletedAt = recreation.deleted() == null ? null : recreation.deleted().at();
      DenialRun denials = recreation.denials();
      if (denials != null) {
        steps.add(new Step(denials.first(), deniedDecrypts(denials.count()), null,
            Durations.range(denials.first(), denials.last()) + " under " + recreation.newRoleId()));
      }
    }
    if (b.recreations().stream().allMatch(recreation -> recreation.denials() == null)) {
      // no re-creation in the logs (a possible breakage): the denials as one run under the role's current ID
      steps.add(new Step(b.firstFailureAt(), deniedDecrypts(b.failedDecrypts()), null,
          Durations.range(b.firstFailureAt(), b.lastFailureAt()) + " under " + b.newRoleId()));
    }
    if (b.remediatedAt() != null) {
      steps.add(new Step(b.remediatedAt(), b.remediationEvent(), b.remediatedBy(), "remediation; a new grant follows"));
    }
    if (b.recoveredAt() != null) {
      steps.add(new Step(b.recoveredAt(), "Decrypt succeeded", null, "function recovered"));
    }
    steps.sort(Comparator.comparing(Step::at));
    return steps;
  }
}
