package io.trailsleuth.report;

import static io.trailsleuth.common.MarkdownText.cell;
import static io.trailsleuth.common.MarkdownText.cellCode;
import static io.trailsleuth.common.MarkdownText.code;
import static io.trailsleuth.report.Durations.time;

import io.trailsleuth.analysis.CitedSources;
import io.trailsleuth.analysis.policy.PolicyDrift;
import io.trailsleuth.analysis.policy.PolicyDriftStatus;
import java.util.List;

/** The report's policy drift part: one summary line per policy, a table of all, and a section per broken or at-risk policy with its fix. */
final class PolicyDriftSection {
  /** The heading every per-policy section starts with; the HTML report puts each policy's chart under it. */
  static final String HEADING = "Policy drift: ";

  private PolicyDriftSection() {}

  /** The drifts that get a section of their own (and a chart), in report order. */
  static List<PolicyDrift> open(List<PolicyDrift> drifts) {
    return drifts.stream().filter(d -> d.status() != PolicyDriftStatus.FIXED).toList();
  }

  /** Under the report's Fix heading: where the policies' fixes are, when any policy is broken or at risk. */
  static void fixPointer(StringBuilder out, List<PolicyDrift> drifts) {
    int open = open(drifts).size();
    if (open > 0) {
      out.append(open).append(open == 1 ? " policy is" : " policies are")
          .append(" broken or at risk: each one's section above gives the commands that re-apply it.\n\n");
    }
  }

  /** One summary paragraph about a drifted policy. */
  static String summary(PolicyDrift d) {
    StringBuilder s = new StringBuilder();
    s.append("The ").append(kind(d.resourceType())).append(' ').append(code(d.resourceArn())).append(" (")
        .append(cell(d.policyEventName())).append(" at ").append(time(d.policySetAt())).append(") names role ")
        .append(code(d.roleArn())).append(", which was re-created ")
        .append(RoleChangeText.creation(d.roleRecreated(), d.roleDeletedAt())).append(" by ")
        .append(MarkdownReport.who(d.roleRecreatedBy())).append(" with the new unique ID ")
        .append(code(orUnknown(d.newRoleId()))).append("; the policy still holds ").append(code(orUnknown(d.oldRoleId())))
        .append(". ");
    switch (d.status()) {
      case BROKEN -> s.append("The new role was denied ").append(d.deniedCalls()).append(d.deniedCalls() == 1 ? " call" : " calls")
          .append(" (").append(actions(d)).append(") between ").append(time(d.firstDeniedAt())).append(" and ")
          .append(time(d.lastDeniedAt())).append(". **It is still broken at the end of the logs.**");
      case AT_RISK -> s.append("The new role has not used the resource since: its next call will be denied.");
      case FIXED -> s.append("The policy was re-applied at ").append(time(d.fixedAt())).append(" (")
          .append(cell(d.fixedByEventName() == null ? "?" : d.fixedByEventName())).append(")")
          .append(d.deniedCalls() > 0 ? ", after " + d.deniedCalls() + " denied call(s)" : "").append('.');
    }
    s.append(" Confidence: ").append(d.confidence().label()).append(" (").append(cell(d.decidedBy())).append(").");
    return s.toString();
  }

  /** The table of every drifted policy. */
  static void table(StringBuilder out, List<PolicyDrift> drifts) {
    out.append("## Policies broken by role re-creation\n\n");
    out.append("| Account | Resource | Kind | Role | Old → new role ID | Denied calls | First denial | Last denial | Status | Confidence |\n");
    out.append("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
    for (PolicyDrift d : drifts) {
      out.append("| ").append(cell(d.accountId())).append(" | ").append(cellCode(d.resourceArn())).append(" | ")
          .append(d.resourceType()).append(" | ").append(cellCode(d.roleName())).append(" | ")
          .append(cellCode(orUnknown(d.oldRoleId()))).append(" → ").append(cellCode(orUnknown(d.newRoleId()))).append(" | ")
          .append(d.deniedCalls()).append(" | ").append(time(d.firstDeniedAt())).append(" | ")
          .append(time(d.lastDeniedAt())).append(" | ").append(d.status().label()).append(" | ")
          .append(d.confidence().label()).append(" |\n");
    }
    out.append('\n');
  }

  /** The section of one broken or at-risk policy: what it says, the re-creation, the denials, the fix. */
  static void write(StringBuilder out, PolicyDrift d, CitedSources sources) {
    out.append("## ").append(HEADING).append(kind(d.resourceType())).append(' ').append(code(d.resourceArn()))
        .append(" and role ").append(code(d.roleName())).append("\n\n");
    out.append(summary(d)).append("\n\n");
    out.append("| Time | Event | Detail |\n| --- | --- | --- |\n");
    row(out, d.policySetAt(), d.policyEventName(), "saved the policy naming " + d.roleArn() + " in "
        + (d.principalKeys() == null ? "Principal" : d.principalKeys()) + "; bound to " + orUnknown(d.oldRoleId()));
    RoleChangeText.Row deleted = RoleChangeText.deletionRow(d.roleDeleted(), d.roleName(), orUnknown(d.oldRoleId()),
        sources);
    if (deleted != null) {
      row(out, deleted.at(), deleted.event(), deleted.detail());
    }
    RoleChangeText.Row created = RoleChangeText.creationRow(d.roleRecreated(), orUnknown(d.newRoleId()),
        d.roleDeletedAt(), sources);
    row(out, created.at(), created.event(), created.detail() + (created.cloudTrail() ? " by "
        + d.roleRecreatedBy().arn() + " (" + d.roleRecreatedBy().via().label() + ")" : ""));
    if (d.deniedCalls() > 0) {
      row(out, d.firstDeniedAt(), d.deniedCalls() + " denied", String.join(", ", d.deniedActions()) + " from " + time(d.firstDeniedAt()) + " to "
          + time(d.lastDeniedAt()));
    }
    out.append('\n');
    out.append("Fix: re-apply the policy as ").append(code(d.policyEventId()))
        .append(" saved it, unchanged, so that AWS resolves the role ARN to the new unique ID")
        .append(d.resourceType().equals("kms-grant") ? " (for a grant: create it again for the role and revoke the old one)"
            : d.resourceType().equals("lambda-permission") ? " (for a Lambda permission: remove the statement and add it again)" : "")
        .append(". The commands use the real names and the policy text recovered from the log:\n\n");
    out.append("```sh\n");
    for (String line : PolicyFixCommands.of(d)) {
      out.append(line).append('\n');
    }
    out.append("```\n\n");
  }

  private static void row(StringBuilder out, java.time.Instant at, String event, String detail) {
    out.append("| ").append(time(at)).append(" | ").append(cell(event)).append(" | ").append(cell(detail)).append(" |\n");
  }

  private static String actions(PolicyDrift d) {
    return d.deniedActions().isEmpty() ? "unknown action" : String.join(", ", d.deniedActions().stream().map(a -> code(a)).toList());
  }

  private static String orUnknown(String id) {
    return id == null ? "unknown" : id;
  }

  /** The resource kind in words. */
  static String kind(String resourceType) {
    return switch (resourceType) {
      case "s3-bucket" -> "bucket policy of";
      case "kms-key" -> "key policy of";
      case "iam-role-trust" -> "trust policy of role";
      case "sqs-queue" -> "queue policy of";
      case "sns-topic" -> "topic policy of";
      case "secret" -> "resource policy of secret";
      case "ecr-repository" -> "repository policy of";
      case "lambda-permission" -> "resource policy (permission) of function";
      case "kms-grant" -> "KMS grant on key";
      default -> "policy of";
    };
  }
}
