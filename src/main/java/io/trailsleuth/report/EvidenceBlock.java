package io.trailsleuth.report;

import static io.trailsleuth.common.MarkdownText.cell;
import static io.trailsleuth.common.MarkdownText.code;
import static io.trailsleuth.report.Durations.time;

import io.trailsleuth.analysis.Breakage;
import io.trailsleuth.analysis.CitedSources;
import io.trailsleuth.analysis.Confidence;
import io.trailsleuth.analysis.SnapshotEvidence;
import java.util.List;

/** A finding's evidence in the words of a careful analyst: what is known, what is inferred, what is missing, what to collect. */
final class EvidenceBlock {
  private EvidenceBlock() {}

  static void write(StringBuilder out, Breakage b, TrailLayouts layouts, CitedSources sources) {
    out.append("**Evidence behind this finding** (confidence: ").append(b.confidence().label()).append("; sources: ")
        .append(cell(String.join(", ", b.evidenceSources()))).append(")\n\n");
    out.append("- Known: ").append(b.failedDecrypts()).append(" denied `kms:Decrypt` by ").append(code(b.roleName()))
        .append(" (").append(code(b.newRoleId())).append(") for ").append(code(b.functionName())).append(" from ")
        .append(time(b.firstFailureAt())).append(" to ").append(time(b.lastFailureAt()))
        .append(b.grantId() == null ? "" : "; Lambda's grant " + code(b.grantId())
            + (b.keyArn() == null ? "" : " on " + code(b.keyArn())))
        .append(b.roleRecreatedAt() == null ? "" : "; the role was created again at " + time(b.roleRecreatedAt())
            + RoleChangeText.creationSource(b.roleRecreated()))
        .append(".\n");
    for (SnapshotEvidence item : b.snapshotEvidence()) {
      out.append("- Known from ").append(cell(item.kind())).append(" ")
          .append(SourceCitation.prose(SourceCitation.of(item, sources), item.itemIndex())).append(": ").append(cell(item.summary())).append(".\n");
    }
    if (b.roleRecreated() != null && !b.roleRecreated().exact()) {
      out.append("- Inferred: the role was re-created ").append(RoleChangeText.creation(b.roleRecreated(),
          b.roleDeletedAt())).append(".\n");
    }
    if (b.confidence() == Confidence.POSSIBLE) {
      out.append("- Inferred: ").append(code(b.roleName())).append(" was deleted and re-created after the grant was "
          + "made, since KMS binds grants to a role's unique ID and nothing else in the evidence explains the "
          + "denials.\n");
    } else if (b.oldRoleId() == null) {
      out.append("- Inferred: the grant names the unique ID the role had before it was re-created; that ID is not in "
          + "the evidence.\n");
    }
    for (String code : b.missingEvidence()) {
      out.append("- Missing (`").append(code).append("`): ").append(CollectionAdvice.meaning(code)).append(".\n");
    }
    List<String> commands = CollectionAdvice.commands(b, layouts);
    if (!commands.isEmpty()) {
      out.append("\nWhat to collect, then run `trailsleuth investigate` again with the outputs among its paths:\n\n");
      out.append("```sh\n");
      commands.forEach(command -> out.append(command).append('\n'));
      out.append("```\n");
    }
    out.append('\n');
  }
}
