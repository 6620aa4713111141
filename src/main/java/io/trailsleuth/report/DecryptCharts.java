package io.trailsleuth.report;

import static io.trailsleuth.report.HtmlText.escape;

import io.trailsleuth.analysis.AtRisk;
import io.trailsleuth.analysis.Breakage;
import io.trailsleuth.analysis.Coverage;
import io.trailsleuth.analysis.Evidence;
import io.trailsleuth.analysis.Findings;
import io.trailsleuth.analysis.Recreation;
import io.trailsleuth.analysis.RoleChangeTime;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Builds each broken or at-risk function's Decrypt timeline figure: its window, its markers and its caption. */
final class DecryptCharts {
  private static final Duration MINIMUM_PAD = Duration.ofMinutes(10);

  private DecryptCharts() {}

  /** The figure for a broken function: the incident from deletion to recovery, with some context either side. */
  static String forBreakage(Connection connection, Breakage b, Coverage coverage, int index) throws SQLException {
    List<ChartMarker> markers = new ArrayList<>();
    for (Evidence e : b.evidence()) {
      if (e.eventName().equals("CreateGrant")) {
        boolean old = e.eventTime().isBefore(b.roleRecreated() != null ? b.roleRecreated().placedAt()
            : b.firstFailureAt());
        String label = !old ? "new grant" : b.oldRoleId() == null ? "Lambda grant" : "grant to old role ID";
        markers.add(new ChartMarker(e.eventTime(), label, ChartMarker.Kind.GRANT));
      }
    }
    roleMarkers(markers, b);
    if (b.remediatedAt() != null) {
      markers.add(new ChartMarker(b.remediatedAt(), "fix", ChartMarker.Kind.FIX));
    }
    if (b.recoveredAt() != null) {
      markers.add(new ChartMarker(b.recoveredAt(), "recovered", ChartMarker.Kind.RECOVERY));
    }
    Instant start = earliest(b.roleDeleted() == null ? null : b.roleDeleted().placedAt(),
        b.roleRecreated() == null ? null : earliest(b.roleRecreated().after(), b.roleRecreated().placedAt()),
        b.firstFailureAt());
    if (b.roleRecreated() == null) {
      // the re-creation is inferred: show the grant it happened after
      start = markers.stream().map(ChartMarker::at).min(Comparator.naturalOrder()).orElse(start);
    }
    Instant end = latest(b.lastFailureAt(), b.remediatedAt(), b.recoveredAt());
    return figure(connection, "chart-" + (index + 1), b.accountId(), b.region(), b.functionName(), start, end, coverage,
        markers);
  }

  /** The figure for an at-risk function: from its grant to the end of the logs, where it has not run since. */
  static String forAtRisk(Connection connection, AtRisk r, Findings findings, int index) throws SQLException {
    Coverage coverage = findings.coverage();
    List<ChartMarker> markers = new ArrayList<>();
    // The role's deletion and re-creation are known from a broken function on the same role, when there is one.
    findings.breakages().stream().filter(b -> b.accountId().equals(r.accountId()) && b.roleName().equals(r.roleName())
        && b.newRoleId().equals(r.newRoleId())).findFirst().ifPresent(b -> {
          deletionMarker(markers, b.roleDeleted());
          b.recreations().forEach(c -> creationMarker(markers, c.created()));
        });
    for (Evidence e : r.evidence()) {
      switch (e.eventName()) {
        case "CreateGrant" -> markers.add(new ChartMarker(e.eventTime(), "grant to old role ID", ChartMarker.Kind.GRANT));
        case "DeleteRole" -> addOnce(markers, new ChartMarker(e.eventTime(), "role deleted", ChartMarker.Kind.DELETION));
        case "CreateRole" -> addOnce(markers, new ChartMarker(e.eventTime(), "role re-created", ChartMarker.Kind.RECREATION));
        default -> { }
      }
    }
    Instant start = markers.stream().map(ChartMarker::at).min(Comparator.naturalOrder()).orElse(coverage.firstEventTime());
    Instant end = latest(coverage.lastEventTime(), r.evidence().stream().map(Evidence::eventTime)
        .max(Comparator.naturalOrder()).orElse(null));
    return figure(connection, "risk-chart-" + (index + 1), r.accountId(), r.region(), r.functionName(), start, end,
        coverage, markers);
  }

  private static void addOnce(List<ChartMarker> markers, ChartMarker marker) {
    if (!markers.contains(marker)) {
      markers.add(marker);
    }
  }

  private static String figure(Connection connection, String id, String account, String region, String function,
      Instant start, Instant end, Coverage coverage, List<ChartMarker> markers) throws SQLException {
    if (start == null || end == null || region == null) {
      return "";
    }
    Duration pad = Duration.between(start, end).dividedBy(8);
    pad = pad.compareTo(MINIMUM_PAD) < 0 ? MINIMUM_PAD : pad;
    Instant from = latest(start.minus(pad), earliest(coverage.firstEventTime(), start));
    Instant to = earliest(end.plus(pad), latest(coverage.lastEventTime(), end));
    DecryptSeries series = DecryptSeries.load(connection, account, region, function, from, to);
    String title = "kms:Decrypt calls of Lambda function " + function + " (" + account + ", " + region + ") over time";
    StringBuilder caption = new StringBuilder();
    caption.append("<strong>kms:Decrypt</strong> calls made as <code>").append(escape(function)).append("</code> (")
        .append(escape(account)).append(", ").append(escape(region)).append(") per ")
        .append(Durations.between(Instant.EPOCH, Instant.ofEpochSecond(series.bucketSeconds()))).append(", ")
        .append(Durations.time(series.from())).append(" to ").append(Durations.time(series.to())).append(". ");
    if (series.succeededOutside() + series.deniedOutside() > 0) {
      caption.append("Outside this window: ").append(series.succeededOutside()).append(" succeeded, ")
          .append(series.deniedOutside()).append(" denied. ");
    }
    if (markers.stream().anyMatch(m -> m.at().isBefore(series.from()) || m.at().isAfter(series.to()))) {
      caption.append("Markers of events outside the window are pinned to its edge.");
    }
    return "<figure class=\"chart\" id=\"" + id + "\">\n" + SvgTimelineChart.render(id + "-svg", title, series, markers)
        + "<figcaption>" + caption + "</figcaption>\n</figure>\n";
  }

  /** The deletions and re-creations of a breakage's role, each where the evidence places it. */
  private static void roleMarkers(List<ChartMarker> markers, Breakage b) {
    deletionMarker(markers, b.roleDeleted());
    for (Recreation recreation : b.recreations()) {
      creationMarker(markers, recreation.created());
      deletionMarker(markers, recreation.deleted());
    }
  }

  /** "role re-created" at its time, or "new role ID seen" where only its first sighting bounds it. */
  static void creationMarker(List<ChartMarker> markers, RoleChangeTime created) {
    markers.add(new ChartMarker(created.placedAt(), created.exact() ? "role re-created" : "new role ID seen",
        ChartMarker.Kind.RECREATION));
  }

  /** "role deleted" at DeleteRole's time, "deletion recorded" at an AWS Config capture, none for a grant listing. */
  static void deletionMarker(List<ChartMarker> markers, RoleChangeTime deleted) {
    if (deleted == null) {
      return;
    }
    if (deleted.exact()) {
      markers.add(new ChartMarker(deleted.at(), "role deleted", ChartMarker.Kind.DELETION));
    } else if ("aws-config".equals(deleted.shownBy())) {
      markers.add(new ChartMarker(RoleChangeText.capturedAt(deleted), "deletion recorded", ChartMarker.Kind.DELETION));
    }
  }

  static Instant earliest(Instant... instants) {
    Instant earliest = null;
    for (Instant instant : instants) {
      earliest = instant == null || (earliest != null && earliest.isBefore(instant)) ? earliest : instant;
    }
    return earliest;
  }

  static Instant latest(Instant... instants) {
    Instant latest = null;
    for (Instant instant : instants) {
      latest = instant == null || (latest != null && latest.isAfter(instant)) ? latest : instant;
    }
    return latest;
  }
}
