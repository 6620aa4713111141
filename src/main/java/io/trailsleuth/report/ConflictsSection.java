package io.trailsleuth.report;

import static io.trailsleuth.common.MarkdownText.cell;
import static io.trailsleuth.common.MarkdownText.cellCode;
import static io.trailsleuth.common.MarkdownText.code;

import io.trailsleuth.analysis.ConflictCitation;
import io.trailsleuth.analysis.ConflictVersion;
import io.trailsleuth.analysis.ConflictingEvent;
import java.util.Comparator;
import java.util.List;

/** The report's list of events whose copies differ in content: every version, the one used, and what differs. */
final class ConflictsSection {
  private static final int MAX_LISTED = 20;

  private ConflictsSection() {}

  /** Writes nothing when no event has conflicting copies. */
  static void write(StringBuilder out, ReportContext context) {
    List<ConflictingEvent> conflicts = context.conflicts();
    if (conflicts.isEmpty()) {
      return;
    }
    out.append("### Conflicting copies\n\n")
        .append("**").append(conflicts.size()).append(" event ID(s) have copies that differ in content.** ")
        .append("Identical copies of an event are plain duplicates; these are not: a copy was edited, an export was ")
        .append("altered or a tool rewrote it, or a forged twin hides the real record. The analysis used one version ")
        .append("of each, marked used: the copy an earlier ingest stored, else the copy from a digest-verified file ")
        .append("(`investigate` checks the digests; of two input roots with different copies at one path, the copy ")
        .append("that matched its digest), else the first copy by file, file SHA-256 and record. ")
        .append("The other versions are counted among the duplicates. All of them: ")
        .append(code("trailsleuth query --store DIR \"select * from conflicts\"")).append(".\n\n");
    List<ConflictingEvent> ordered = conflicts.stream()
        .sorted(Comparator.comparing((ConflictingEvent e) -> e.citedBy().isEmpty()).thenComparing(ConflictingEvent::eventId))
        .toList();
    for (ConflictingEvent event : ordered.subList(0, Math.min(MAX_LISTED, ordered.size()))) {
      event(out, event, context);
    }
    if (ordered.size() > MAX_LISTED) {
      out.append("… ").append(ordered.size() - MAX_LISTED).append(" more event ID(s) with conflicting copies, ")
          .append("none cited by a finding: query the conflicts view for the full list.\n\n");
    }
  }

  private static void event(StringBuilder out, ConflictingEvent event, ReportContext context) {
    out.append("Event ").append(code(event.eventId())).append(": ").append(event.versions().size()).append(" versions");
    if (event.citedBy().isEmpty()) {
      out.append(", cited by no finding.\n\n");
    } else {
      out.append(".\n");
      for (ConflictCitation citation : event.citedBy()) {
        out.append("- Cited by the ").append(cell(citation.finding())).append(" finding for ")
            .append(code(citation.functionArn())).append(": ").append(cell(citation.effect())).append(".\n");
      }
      out.append('\n');
    }
    out.append("| Version | Source file # record | File SHA-256 | Record SHA-256 | File integrity | Differs from the used version in |\n")
        .append("| --- | --- | --- | --- | --- | --- |\n");
    for (ConflictVersion version : event.versions()) {
      out.append("| ").append(version.used() ? "**used**" : "other").append(" | ")
          .append(SourceCitation.markdown(version.source(), version.sourceRecord())).append(" | ")
          .append(cellCode(version.sourceSha256())).append(" | ")
          .append(cellCode(version.recordSha256())).append(" | ")
          .append(context.integrityOf(version.source())).append(" | ")
          .append(version.differingFields().isEmpty() ? "—"
              : String.join(", ", version.differingFields().stream().map(f -> cellCode(f)).toList()))
          .append(" |\n");
    }
    out.append('\n');
  }
}
