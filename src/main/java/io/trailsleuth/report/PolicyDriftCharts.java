package io.trailsleuth.report;

import static io.trailsleuth.report.DecryptCharts.earliest;
import static io.trailsleuth.report.DecryptCharts.latest;
import static io.trailsleuth.report.HtmlText.escape;

import io.trailsleuth.analysis.Coverage;
import io.trailsleuth.analysis.policy.PolicyDrift;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds each broken or at-risk policy's chart: the role's calls on the resource over time, with the policy write, re-creation and fix marked. */
final class PolicyDriftCharts {
  private static final Duration MINIMUM_PAD = Duration.ofMinutes(10);
  private static final SvgTimelineChart.Words CALLS = new SvgTimelineChart.Words("Calls", "Call succeeded",
      "Call denied");

  private PolicyDriftCharts() {}

  /** The figure for one drifted policy; index makes its id unique in the page. */
  static String figure(Connection connection, PolicyDrift d, Coverage coverage, int index) throws SQLException {
    List<ChartMarker> markers = new ArrayList<>();
    markers.add(new ChartMarker(d.policySetAt(), "policy saved", ChartMarker.Kind.GRANT));
    DecryptCharts.deletionMarker(markers, d.roleDeleted());
    DecryptCharts.creationMarker(markers, d.roleRecreated());
    if (d.fixedAt() != null) {
      markers.add(new ChartMarker(d.fixedAt(), "policy re-applied", ChartMarker.Kind.FIX));
    }
    Instant start = earliest(d.roleDeleted() == null ? null : d.roleDeleted().placedAt(),
        d.roleRecreated().placedAt(), d.firstDeniedAt());
    Instant end = latest(d.lastDeniedAt(), d.fixedAt(), d.firstDeniedAt() == null ? coverage.lastEventTime() : null,
        d.roleRecreated().placedAt());
    Duration pad = Duration.between(start, end).dividedBy(8);
    pad = pad.compareTo(MINIMUM_PAD) < 0 ? MINIMUM_PAD : pad;
    Instant from = latest(start.minus(pad), earliest(coverage.firstEventTime(), start));
    Instant to = earliest(end.plus(pad), latest(coverage.lastEventTime(), end));
    String roleAccount = d.roleArn().split(":").length > 4 ? d.roleArn().split(":")[4] : d.accountId();
    DecryptSeries series = DecryptSeries.load(connection, "report_policy_access_series", Map.of("role_account",
        roleAccount, "role_name", d.roleName(), "target_key", d.matchKey()), from, to);
    String id = "policy-chart-" + (index + 1);
    String title = "Calls of role " + d.roleName() + " on " + d.resourceArn() + " over time";
    StringBuilder caption = new StringBuilder();
    caption.append("Calls by sessions of role <code>").append(escape(d.roleName())).append("</code> on <code>")
        .append(escape(d.resourceArn())).append("</code> per ")
        .append(Durations.between(Instant.EPOCH, Instant.ofEpochSecond(series.bucketSeconds()))).append(", ")
        .append(Durations.time(series.from())).append(" to ").append(Durations.time(series.to()))
        .append(". Successful uses summarised at ingest (S3 and similar data events) count at their first time. ");
    if (series.succeededOutside() + series.deniedOutside() > 0) {
      caption.append("Outside this window: ").append(series.succeededOutside()).append(" succeeded, ")
          .append(series.deniedOutside()).append(" denied. ");
    }
    if (markers.stream().anyMatch(m -> m.at().isBefore(series.from()) || m.at().isAfter(series.to()))) {
      caption.append("Markers of events outside the window are pinned to its edge.");
    }
    return "<figure class=\"chart\" id=\"" + id + "\">\n" + SvgTimelineChart.render(id + "-svg", title, series, markers, CALLS)
        + "<figcaption>" + caption + "</figcaption>\n</figure>\n";
  }
}
