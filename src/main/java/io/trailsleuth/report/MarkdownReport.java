package io.trailsleuth.report;

import static io.trailsleuth.common.MarkdownText.cell;
import static io.trailsleuth.common.MarkdownText.cellCode;
import static io.trailsleuth.common.MarkdownText.code;
import static io.trailsleuth.report.Durations.between;
import static io.trailsleuth.report.Durations.time;

import io.trailsleuth.analysis.Actor;
import io.trailsleuth.analysis.AtRisk;
import io.trailsleuth.analysis.Breakage;
import io.trailsleuth.analysis.DeletedRole;
import io.trailsleuth.analysis.Evidence;
import io.trailsleuth.analysis.Findings;
import io.trailsleuth.analysis.RoleChangeTime;
import io.trailsleuth.analysis.SnapshotEvidence;
import io.trailsleuth.analysis.SourceCopy;
import io.trailsleuth.analysis.UnexplainedDenial;
import io.trailsleuth.analysis.policy.PolicyDrift;
import io.trailsleuth.analysis.policy.PolicyDriftStatus;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/** Writes the incident report as markdown: summary, impact, root cause, per-function timelines, fix, evidence, coverage. */
public final class MarkdownReport {
  private final Findings findings;
  private final ReportContext context;
  private final StringBuilder out = new StringBuilder();

  private MarkdownReport(Findings findings, ReportContext context) {
    this.findings = findings;
    this.context = context;
  }

  /** The report text; byte-identical for the same findings and context. */
  public static String render(Findings findings, ReportContext context) {
    MarkdownReport report = new MarkdownReport(findings, context);
    report.write();
    return report.out.toString();
  }

  private void write() {
    List<Breakage> breakages = findings.breakages();
    line(findings.policyDrift().isEmpty() ? "# Incident report: Lambda functions broken by IAM role re-creation"
        : "# Incident report: Lambda functions and policies broken by IAM role re-creation");
    line("");
    line("## Summary");
    line("");
    Optional<String> noEvents = NoEventsStatement.of(findings);
    if (noEvents.isPresent()) {
      line("**" + noEvents.get() + "**");
      line("");
    } else if (breakages.isEmpty()) {
      List<String> blind = findings.coverage().accountsWithoutIamEvents();
      if (blind.isEmpty()) {
        line("No Lambda function in these logs failed because its execution role was re-created.");
      } else {
        line("No breakage was found, but the evidence holds no IAM events for account(s) " + cell(String.join(", ", blind))
            + " (IAM logs to `us-east-1` only), so a role deletion or re-creation there would not show. Collect the "
            + "`us-east-1` log files before concluding that nothing happened (see Coverage and limits).");
      }
      line("");
    }
    for (Breakage b : breakages) {
      line(summary(b));
      line("");
    }
    for (PolicyDrift d : findings.policyDrift()) {
      line(PolicyDriftSection.summary(d));
      line("");
    }
    line(verdict());
    line("");
    impact();
    rootCause();
    TrailLayouts layouts = TrailLayouts.of(context);
    for (Breakage b : breakages) {
      FunctionSection.write(out, b, layouts, context.citedSources());
    }
    if (!findings.policyDrift().isEmpty()) {
      PolicyDriftSection.table(out, findings.policyDrift());
      PolicyDriftSection.open(findings.policyDrift()).forEach(d -> PolicyDriftSection.write(out, d, context.citedSources()));
    }
    if (noEvents.isPresent()) {
      line("## Fix");
      line("");
      line("No fix can be derived: no CloudTrail event was analysed (see Summary).");
      line("");
    } else {
      Remedies.fix(out, breakages, findings.atRisk());
    }
    PolicyDriftSection.fixPointer(out, findings.policyDrift());
    Remedies.prevention(out);
    others();
    IntegritySection.write(out, context.integrity());
    ConflictsSection.write(out, context);
    evidence();
    CoverageSection.write(out, findings.coverage(), findings.snapshots(), context, layouts);
    line("## Reproduce");
    line("");
    line("- Command: " + code(context.commandLine()));
    line("- trailsleuth " + cell(context.toolVersion()));
    line("- Input manifest SHA-256 (sorted `root/path sha256` lines of the files read for events): `" + context.manifestHash() + "`");
  }

  private String summary(Breakage b) {
    RoleChangeTime created = b.roleRecreated();
    if (created == null) {
      return possibleSummary(b);
    }
    RoleChangeTime deleted = b.roleDeleted();
    StringBuilder s = new StringBuilder();
    s.append("Role ").append(code(b.roleName())).append(" was ");
    if (deleted != null && deleted.exact()) {
      s.append("deleted by ").append(who(b.roleDeletedBy())).append(" at ").append(time(deleted.at()))
          .append(" and re-created ");
      // never a negative duration: a creation time before the deletion (clock skew, odd data) is stated as a time
      s.append(created.exact() && !created.at().isBefore(deleted.at())
          ? between(deleted.at(), created.at()) + " later" + RoleChangeText.creationSource(created)
          : RoleChangeText.creation(created, deleted.at()));
    } else if (deleted != null) {
      s.append(created.exact() ? "deleted before it was re-created " : "deleted and re-created ")
          .append(RoleChangeText.creation(created, null));
    } else {
      s.append("re-created ").append(RoleChangeText.creation(created, null));
    }
    boolean samePrincipal = b.roleDeletedBy() != null && b.roleRecreatedBy() != null
        && b.roleDeletedBy() != Actor.UNKNOWN && b.roleDeletedBy().arn().equals(b.roleRecreatedBy().arn());
    s.append(" by ").append(samePrincipal ? "the same principal" : who(b.roleRecreatedBy())).append(" with a new unique ID ").append(code(b.newRoleId()))
        .append(". Lambda's grant on the function's KMS key ")
        .append(b.grantId() == null ? "(not in these logs; inferred from earlier successful decrypts) " : "")
        .append(b.oldRoleId() == null ? "is bound to the unique ID the role had when the grant was made (not in the "
            + "evidence), so " : "still names the old ID " + code(b.oldRoleId()) + ", so ").append(b.failedDecrypts())
        .append(b.failedDecrypts() == 1 ? " cold start" : " cold starts").append(" of ").append(code(b.functionName()))
        .append(" failed ").append(Durations.spanWithDuration(b.firstFailureAt(), b.lastFailureAt())).append('.');
    if (deleted != null && !deleted.exact()) {
      s.append(' ').append(RoleChangeText.deletionSentence(deleted));
    }
    if (b.remediatedAt() != null) {
      s.append(" It was remediated at ").append(time(b.remediatedAt())).append(" by ").append(who(b.remediatedBy()))
          .append(" (").append(cell(b.remediationEvent())).append(")");
      s.append(b.recoveredAt() == null ? "; no successful decrypt is logged after that."
          : " and the function recovered at " + time(b.recoveredAt()) + ".");
    } else {
      s.append(" **It is still broken at the end of the logs.**");
    }
    s.append(" Confidence: ").append(b.confidence().label())
        .append(created.exact() ? "." : "; the time of the re-creation is inferred from sightings, not shown.");
    return s.toString();
  }

  /** A finding whose re-creation is inferred: what is known, what is inferred, and that evidence is missing. */
  private static String possibleSummary(Breakage b) {
    StringBuilder s = new StringBuilder();
    s.append(b.failedDecrypts()).append(b.failedDecrypts() == 1 ? " cold start" : " cold starts").append(" of ")
        .append(code(b.functionName())).append(" failed ").append(Durations.span(b.firstFailureAt(), b.lastFailureAt()))
        .append(": KMS denied `kms:Decrypt` to role ").append(code(b.roleName()))
        .append(" (unique ID ").append(code(b.newRoleId())).append(") on the key of Lambda's grant")
        .append(b.grantId() == null ? "" : " " + code(b.grantId())).append(" for the function and that role. ")
        .append("Nothing in the evidence retired or revoked the grant or changed the function's role or key. ")
        .append("KMS binds a grant to the role's unique ID, so the cause that fits is that ").append(code(b.roleName()))
        .append(" was deleted and re-created after the grant was made; ")
        .append(b.oldRoleId() == null ? "no older generation of the role is in the evidence"
            : "the grant names " + code(b.oldRoleId()))
        .append(", so this is inferred, not shown.");
    if (b.remediatedAt() != null) {
      s.append(" It was remediated at ").append(time(b.remediatedAt())).append(" by ").append(who(b.remediatedBy()))
          .append(" (").append(cell(b.remediationEvent())).append(").");
    } else {
      s.append(" **It is still broken at the end of the logs.**");
    }
    s.append(" Confidence: ").append(b.confidence().label()).append("; what to collect to confirm it is listed under the "
        + "function below.");
    return s.toString();
  }

  static String who(Actor actor) {
    if (actor == null || actor == Actor.UNKNOWN) {
      return "an unknown actor";
    }
    return code(actor.arn()) + " (" + actor.via().label() + ")";
  }

  private String verdict() {
    return policyVerdict() + findings.atRisk().size() + " function(s) at risk of the same failure at their next cold start; "
        + findings.unexplainedDecryptFailures().size() + " principal(s) with denied Decrypts that no re-creation explains; "
        + findings.deletedRoles().size() + " role(s) deleted and not re-created.";
  }

  private String policyVerdict() {
    if (findings.policyDrift().isEmpty()) {
      return "";
    }
    java.util.Map<PolicyDriftStatus, Long> counts = new java.util.EnumMap<>(PolicyDriftStatus.class);
    findings.policyDrift().forEach(d -> counts.merge(d.status(), 1L, Long::sum));
    return findings.policyDrift().size() + " policy finding(s) after a role re-creation: "
        + counts.getOrDefault(PolicyDriftStatus.BROKEN, 0L) + " broken, " + counts.getOrDefault(PolicyDriftStatus.AT_RISK, 0L)
        + " at risk, " + counts.getOrDefault(PolicyDriftStatus.FIXED, 0L) + " fixed by re-applying the policy; ";
  }

  private void impact() {
    line("## Impact");
    line("");
    line("| Account | Region | Function | Role | Old → new role ID | First failure | Last failure | Failed cold starts | Time to remediation | Status |");
    line("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
    for (Breakage b : findings.breakages()) {
      line("| " + cell(b.accountId()) + " | " + cell(b.region()) + " | " + cellCode(b.functionName()) + " | "
          + cellCode(b.roleName()) + " | " + (b.oldRoleId() == null ? "unknown" : cellCode(b.oldRoleId())) + " → "
          + cellCode(b.newRoleId()) + " | "
          + time(b.firstFailureAt()) + " | " + time(b.lastFailureAt()) + " | " + b.failedDecrypts() + " | "
          + between(b.firstFailureAt(), b.remediatedAt()) + " | " + b.status() + " |");
    }
    for (AtRisk r : findings.atRisk()) {
      line("| " + cell(r.accountId()) + " | " + cell(r.region()) + " | " + cellCode(r.functionName()) + " | "
          + cellCode(r.roleName()) + " | " + cellCode(r.oldRoleId()) + " → " + cellCode(r.newRoleId()) + " | — | — | 0 | — | at risk |");
    }
    if (findings.breakages().isEmpty() && findings.atRisk().isEmpty()) {
      line("| — | — | — | — | — | — | — | 0 | — | none found |");
    }
    line("");
  }

  private void rootCause() {
    line("## Root cause");
    line("");
    line("A Lambda function without a customer-managed key encrypts its environment variables with the AWS-managed "
        + "key `aws/lambda`. Lambda calls KMS `CreateGrant` so the execution role may decrypt them, and KMS binds the "
        + "grant to the role's unique ID (`AROA…`), not to its name. Deleting the role and creating one with the same "
        + "name yields a new unique ID; the grant no longer applies, every cold start's `kms:Decrypt` is denied, the "
        + "function never runs and writes no log. Grants on AWS-managed keys cannot be managed by users, and IaC tools "
        + "do not see the drift.");
    line("");
    line("In CloudTrail the chain is visible as: Lambda `CreateGrant` (grantee session of the role) → `DeleteRole` → "
        + "`CreateRole` with a new `roleId` → `Decrypt` denied under `principalId NEWROLEID:FUNCTION`.");
    if (findings.breakages().stream().anyMatch(b -> !b.missingEvidence().isEmpty())) {
      line("");
      line("Where a link of that chain is not in the evidence, the finding says which, what stands in for it (a `kms "
          + "list-grants` grantee shown by unique ID, an `iam get-role` `CreateDate`, AWS Config history), and what "
          + "to collect.");
    }
    line("");
  }

  private void others() {
    line("## At risk, unexplained denials, deleted roles");
    line("");
    if (findings.atRisk().isEmpty() && findings.unexplainedDecryptFailures().isEmpty() && findings.deletedRoles().isEmpty()) {
      line("None.");
      line("");
      return;
    }
    for (AtRisk r : findings.atRisk()) {
      line("- **At risk:** " + code(r.functionArn()) + ". " + cell(r.reason())
          + ". Apply the fix below before its next invocation.");
    }
    for (UnexplainedDenial u : findings.unexplainedDecryptFailures()) {
      line("- **Unexplained denial:** " + code(u.principalArn()) + " was denied `kms:Decrypt` " + u.count()
          + " time(s) between " + time(u.firstAt()) + " and " + time(u.lastAt()) + " (" + cell(String.join(", ", u.errorCodes()))
          + ") on " + (u.keyArns().isEmpty() ? "an unknown key" : String.join(", ", u.keyArns().stream().map(k -> code(k)).toList()))
          + ". " + unexplainedAdvice(u));
    }
    for (DeletedRole d : findings.deletedRoles()) {
      line("- **Deleted role:** " + code(d.roleName()) + " (" + code(d.roleId() == null ? "?" : d.roleId()) + ") in "
          + cell(d.accountId()) + (d.deletedEventId() == null
              ? " was deleted by " + time(d.deletedAt()) + ", when AWS Config recorded the deletion (no `DeleteRole` "
                  + "is in the evidence, so its time and actor are not known),"
              : " was deleted at " + time(d.deletedAt()) + " by " + who(d.deletedBy()))
          + " and not re-created in these logs. Functions using it: "
          + (d.functions().isEmpty() ? "none seen" : String.join(", ", d.functions().stream().map(f -> code(f)).toList()))
          + ". They cannot start until they get an existing role.");
    }
    line("");
  }

  /** What to check for a denial nothing explains; an AWS-managed key's policy and grants are not the user's to change. */
  private static String unexplainedAdvice(UnexplainedDenial u) {
    if (!u.awsManagedKey()) {
      return "No Lambda grant bound to a replaced role explains it: check the principal's IAM policy and the key's policy "
          + "and grants (`aws kms get-key-policy`, `aws kms list-grants`); one that named a role before it was "
          + "re-created names the old unique ID now.";
    }
    if (!u.principalArn().contains(":assumed-role/")) {
      return "The key is AWS-managed: it can be used only through the service that owns it, its key policy cannot be "
          + "changed, and no IAM policy lets a direct call through. Find out why this principal called KMS directly.";
    }
    return "The key is AWS-managed: its key policy and grants are not yours to change, and IAM policies do not decide. "
        + "No Lambda grant in the evidence matches this session; collect `aws kms list-grants` for the key, the "
        + "function's configuration (`aws lambda get-function-configuration`) and the `us-east-1` IAM events, then run "
        + "trailsleuth again with them.";
  }

  private void evidence() {
    line("## Evidence");
    line("");
    line("| Event ID | Time | Event | Source file # record | File SHA-256 | File integrity |");
    line("| --- | --- | --- | --- | --- | --- |");
    SortedSet<Evidence> all = findings.citedEvidence();
    for (Evidence e : all) {
      SourceCopy source = context.sourceOf(e);
      line("| " + cellCode(e.eventId()) + " | " + time(e.eventTime()) + " | " + cell(e.eventName())
          + (context.hasConflictingCopies(e.eventId()) ? " (conflicting copies: this version used, see above)" : "") + " | "
          + SourceCitation.markdown(source, e.sourceRecord()) + " | " + cellCode(source.sourceSha256()) + " | "
          + context.integrityOf(source) + " |");
    }
    if (all.isEmpty()) {
      line("| — | — | — | — | — | — |");
    }
    line("");
    TreeSet<SnapshotEvidence> items = new TreeSet<>();
    findings.breakages().forEach(b -> items.addAll(b.snapshotEvidence()));
    if (!items.isEmpty()) {
      line("Snapshot items the findings rely on (CLI outputs and AWS Config files have no digest; their content, not "
          + "their file time, is what counts):");
      line("");
      line("| Kind | Source file # item | File SHA-256 | Shows |");
      line("| --- | --- | --- | --- |");
      for (SnapshotEvidence item : items) {
        line("| " + cell(item.kind()) + " | "
            + SourceCitation.markdown(SourceCitation.of(item, context.citedSources()), item.itemIndex()) + " | "
            + cellCode(item.sourceSha256()) + " | " + cell(item.summary()) + " |");
      }
      line("");
    }
  }

  private void line(String text) {
    out.append(text).append('\n');
  }
}
