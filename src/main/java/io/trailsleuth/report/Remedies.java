package io.trailsleuth.report;

import io.trailsleuth.analysis.AtRisk;
import io.trailsleuth.analysis.Breakage;
import java.util.List;

/** The fix and prevention sections: exact commands with the affected names filled in, and their trade-offs. */
final class Remedies {
  private Remedies() {}

  static void fix(StringBuilder out, List<Breakage> breakages, List<AtRisk> atRisk) {
    out.append("## Fix\n\n");
    if (breakages.isEmpty() && atRisk.isEmpty()) {
      out.append("Nothing to fix: no function in these logs is broken or at risk.\n\n");
      return;
    }
    if (breakages.stream().allMatch(b -> b.remediatedAt() != null) && atRisk.isEmpty()) {
      out.append("Nothing is left to fix: every affected function was remediated within the logs.\n\n");
      return;
    }
    out.append("Make Lambda create a new grant for the role's current unique ID by changing the function's role and "
        + "changing it back (keeps code, versions and aliases). `TEMP_ROLE_ARN` is any existing role Lambda may assume.\n\n");
    out.append("```sh\n");
    for (Breakage b : breakages) {
      if (b.remediatedAt() == null) {
        commands(out, b.functionArn(), b.region(), b.roleArn() == null ? b.roleName() : b.roleArn());
      }
    }
    for (AtRisk r : atRisk) {
      commands(out, r.functionArn(), r.region(), r.roleArn() == null ? r.roleName() : r.roleArn());
    }
    out.append("```\n\n");
    out.append("Alternatives: delete and re-create the function (loses published versions and their aliases' history); "
        + "or give the function a customer-managed KMS key (`--kms-key-arn`), whose key policy or IAM policy you control, "
        + "so no AWS-managed grant is involved.\n\n");
  }

  private static void commands(StringBuilder out, String functionArn, String region, String role) {
    String safeArn = shell(functionArn);
    out.append("aws lambda update-function-configuration --region ").append(shell(region)).append(" --function-name ")
        .append(safeArn).append(" --role \"$TEMP_ROLE_ARN\"\n");
    out.append("aws lambda wait function-updated --region ").append(shell(region)).append(" --function-name ").append(safeArn).append('\n');
    out.append("aws lambda update-function-configuration --region ").append(shell(region)).append(" --function-name ")
        .append(safeArn).append(" --role ").append(shell(role)).append('\n');
  }

  /** Single-quotes a value for the shell, and keeps it on one line. */
  static String shell(String value) {
    return "'" + oneLine(value.replace("'", "'\\''")) + "'";
  }

  /**
   * Keeps a value on one line of a shell code block and off the terminal's controls: backticks and every control
   * character (C0 with line breaks, DEL, C1) become '?'.
   */
  static String oneLine(String value) {
    return value.replaceAll("[`\\p{Cntrl}\\x{80}-\\x{9f}]", "?");
  }

  static void prevention(StringBuilder out) {
    out.append("## Prevention\n\n");
    out.append("- Give functions a customer-managed KMS key; its access follows IAM and key policies, not a grant bound "
        + "to a unique ID.\n");
    out.append("- Keep execution roles from being replaced: CloudFormation `DeletionPolicy: Retain` / "
        + "`UpdateReplacePolicy: Retain`, Terraform `lifecycle { prevent_destroy = true }`, and avoid changes that force "
        + "role replacement (name, path).\n");
    out.append("- Alarm on, or deny with an SCP, `iam:DeleteRole` for Lambda execution roles.\n");
    out.append("- Run `trailsleuth investigate` on the CloudTrail archive on a schedule; at-risk functions are reported "
        + "before their next cold start.\n\n");
  }
}
