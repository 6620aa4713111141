package io.trailsleuth.report;

import static io.trailsleuth.report.HtmlText.escape;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws one function's Decrypts over time as inline SVG: stacked bars per bucket (succeeded green, denied red) and
 * labelled vertical markers for the grant, role deletion, re-creation, fix and recovery. Deterministic output.
 */
final class SvgTimelineChart {
  static final String SUCCEEDED = "#6b9e78";
  static final String DENIED = "#d32f2f";
  private static final int WIDTH = 960;
  private static final int LEFT = 52;
  private static final int RIGHT = 20;
  private static final int ROW = 16;
  private static final int PLOT_HEIGHT = 170;
  private static final double CHAR_WIDTH = 6.4;
  private static final long[] TICKS = {300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400, 172800, 604800};
  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d").withLocale(Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

  private record Placed(ChartMarker marker, double x, int row, boolean pinned, boolean anchorEnd) {}

  private SvgTimelineChart() {}

  /** What the bars count: the axis noun and the two legend labels. */
  record Words(String perBucket, String succeeded, String denied) {}

  /** The words of a Lambda function's Decrypt chart. */
  static final Words DECRYPTS = new Words("Decrypts", "Decrypt succeeded", "Decrypt denied (failed cold start)");

  /** The chart of a function's Decrypts as an {@code <svg>} element; {@code id} must be unique in the page. */
  static String render(String id, String title, DecryptSeries series, List<ChartMarker> markers) {
    return render(id, title, series, markers, DECRYPTS);
  }

  /** The chart as an {@code <svg>} element with its own words; {@code id} must be unique in the page. */
  static String render(String id, String title, DecryptSeries series, List<ChartMarker> markers, Words words) {
    List<Placed> placed = place(series, markers.stream().sorted().toList());
    int rows = placed.stream().mapToInt(Placed::row).max().orElse(-1) + 1;
    int top = 14 + rows * ROW;
    int bottom = top + PLOT_HEIGHT;
    int height = bottom + 58;
    double plotWidth = WIDTH - LEFT - RIGHT;
    StringBuilder svg = new StringBuilder();
    svg.append("<svg class=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ')
        .append(height).append("\" width=\"").append(WIDTH).append("\" height=\"").append(height)
        .append("\" role=\"img\" aria-labelledby=\"").append(id).append("-title\" font-family=\"inherit\" font-size=\"11\">\n");
    svg.append("<title id=\"").append(id).append("-title\">").append(escape(title)).append("</title>\n");
    svg.append("<rect x=\"0\" y=\"0\" width=\"").append(WIDTH).append("\" height=\"").append(height).append("\" fill=\"#ffffff\"/>\n");
    long peak = series.peak();
    long step = niceStep(Math.max(1, peak));
    long yMax = Math.max(step, ((Math.max(1, peak) + step - 1) / step) * step);
    for (long value = 0; value <= yMax; value += step) {
      double y = bottom - (double) value / yMax * PLOT_HEIGHT;
      svg.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y1=\"").append(f(y))
          .append("\" y2=\"").append(f(y)).append("\" stroke=\"").append(value == 0 ? "#555555" : "#e3e3e3").append("\"/>\n");
      svg.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(f(y + 4)).append("\" text-anchor=\"end\" fill=\"#555555\">")
          .append(value).append("</text>\n");
    }
    svg.append("<text x=\"12\" y=\"").append(f(top + PLOT_HEIGHT / 2.0)).append("\" transform=\"rotate(-90 12 ")
        .append(f(top + PLOT_HEIGHT / 2.0)).append(")\" text-anchor=\"middle\" fill=\"#555555\">").append(words.perBucket()).append(" per ")
        .append(Durations.between(Instant.EPOCH, Instant.ofEpochSecond(series.bucketSeconds()))).append("</text>\n");
    double barWidth = plotWidth / series.succeeded().size();
    double gap = barWidth > 6 ? 1.5 : 0;
    for (int i = 0; i < series.succeeded().size(); i++) {
      long ok = series.succeeded().get(i);
      long no = series.denied().get(i);
      if (ok + no == 0) {
        continue;
      }
      double x = LEFT + i * barWidth + gap / 2;
      double okHeight = (double) ok / yMax * PLOT_HEIGHT;
      double noHeight = (double) no / yMax * PLOT_HEIGHT;
      Instant start = series.from().plusSeconds(series.bucketSeconds() * i);
      String tip = FULL.format(start) + " UTC +" + Durations.between(Instant.EPOCH, Instant.ofEpochSecond(series.bucketSeconds()))
          + ": " + ok + " succeeded, " + no + " denied";
      svg.append("<g><title>").append(escape(tip)).append("</title>");
      if (ok > 0) {
        svg.append(bar(x, bottom - okHeight, barWidth - gap, okHeight, SUCCEEDED, "succeeded"));
      }
      if (no > 0) {
        svg.append(bar(x, bottom - okHeight - noHeight, barWidth - gap, noHeight, DENIED, "denied"));
      }
      svg.append("</g>\n");
    }
    axis(svg, series, bottom, plotWidth);
    for (Placed marker : placed) {
      String colour = marker.marker().kind().colour();
      double labelY = 12 + marker.row() * ROW;
      svg.append("<line class=\"marker\" x1=\"").append(f(marker.x())).append("\" x2=\"").append(f(marker.x()))
          .append("\" y1=\"").append(f(labelY + 3)).append("\" y2=\"").append(bottom).append("\" stroke=\"").append(colour)
          .append("\" stroke-width=\"1.5\"").append(marker.pinned() ? " stroke-dasharray=\"2 3\"" : " stroke-dasharray=\"5 3\"")
          .append("/>\n");
      svg.append("<text x=\"").append(f(marker.x() + (marker.anchorEnd() ? -4 : 4))).append("\" y=\"").append(f(labelY))
          .append("\" fill=\"").append(colour).append("\" font-weight=\"600\"")
          .append(marker.anchorEnd() ? " text-anchor=\"end\"" : "").append('>').append(escape(text(marker))).append("</text>\n");
    }
    legend(svg, height - 12, words);
    return svg.append("</svg>\n").toString();
  }

  private static String text(Placed placed) {
    String time = CLOCK.format(placed.marker().at());
    if (placed.pinned()) {
      String when = FULL.format(placed.marker().at()) + " UTC";
      return placed.anchorEnd() ? placed.marker().label() + " " + when + " ▶" : "◀ " + placed.marker().label() + " " + when;
    }
    return placed.marker().label() + " " + time;
  }

  /** Puts each marker's label on the first row where it does not overlap an earlier label. */
  private static List<Placed> place(DecryptSeries series, List<ChartMarker> markers) {
    double plotWidth = WIDTH - LEFT - RIGHT;
    double span = series.to().getEpochSecond() - series.from().getEpochSecond();
    List<double[]> taken = new ArrayList<>();
    List<Placed> placed = new ArrayList<>();
    for (ChartMarker marker : markers) {
      long offset = marker.at().getEpochSecond() - series.from().getEpochSecond();
      boolean pinned = offset < 0 || offset > span;
      double x = LEFT + Math.max(0, Math.min(span, offset)) / span * plotWidth;
      Placed probe = new Placed(marker, x, 0, pinned, false);
      double width = text(probe).length() * CHAR_WIDTH + 8;
      boolean anchorEnd = x + width > WIDTH - 4;
      probe = new Placed(marker, x, 0, pinned, anchorEnd);
      width = text(probe).length() * CHAR_WIDTH + 8;
      double from = anchorEnd ? x - width : x;
      int row = 0;
      while (overlaps(taken, row, from, from + width)) {
        row++;
      }
      taken.add(new double[] {row, from, from + width});
      placed.add(new Placed(marker, x, row, pinned, anchorEnd));
    }
    return placed;
  }

  private static boolean overlaps(List<double[]> taken, int row, double from, double to) {
    return taken.stream().anyMatch(t -> t[0] == row && from < t[2] && to > t[1]);
  }

  private static void axis(StringBuilder svg, DecryptSeries series, int bottom, double plotWidth) {
    long span = series.to().getEpochSecond() - series.from().getEpochSecond();
    long tick = TICKS[TICKS.length - 1];
    for (long candidate : TICKS) {
      if (span / candidate <= 10) {
        tick = candidate;
        break;
      }
    }
    long first = Math.floorDiv(series.from().getEpochSecond() + tick - 1, tick) * tick;
    String lastDay = "";
    for (long at = first; at <= series.to().getEpochSecond(); at += tick) {
      double x = LEFT + (double) (at - series.from().getEpochSecond()) / span * plotWidth;
      Instant instant = Instant.ofEpochSecond(at);
      svg.append("<line x1=\"").append(f(x)).append("\" x2=\"").append(f(x)).append("\" y1=\"").append(bottom)
          .append("\" y2=\"").append(bottom + 4).append("\" stroke=\"#555555\"/>\n");
      svg.append("<text x=\"").append(f(x)).append("\" y=\"").append(bottom + 16).append("\" text-anchor=\"middle\" fill=\"#333333\">")
          .append(tick >= 86400 ? DAY.format(instant) : CLOCK.format(instant)).append("</text>\n");
      String day = DAY.format(instant);
      if (tick < 86400 && !day.equals(lastDay)) {
        svg.append("<text x=\"").append(f(x)).append("\" y=\"").append(bottom + 29)
            .append("\" text-anchor=\"middle\" fill=\"#777777\">").append(day).append("</text>\n");
        lastDay = day;
      }
    }
  }

  private static void legend(StringBuilder svg, int y, Words words) {
    svg.append("<rect x=\"").append(LEFT).append("\" y=\"").append(y - 9).append("\" width=\"10\" height=\"10\" fill=\"")
        .append(SUCCEEDED).append("\"/><text x=\"").append(LEFT + 15).append("\" y=\"").append(y)
        .append("\" fill=\"#333333\">").append(words.succeeded()).append("</text>\n");
    svg.append("<rect x=\"").append(LEFT + 130).append("\" y=\"").append(y - 9).append("\" width=\"10\" height=\"10\" fill=\"")
        .append(DENIED).append("\"/><text x=\"").append(LEFT + 145).append("\" y=\"").append(y)
        .append("\" fill=\"#333333\">").append(words.denied()).append("</text>\n");
    svg.append("<text x=\"").append(WIDTH - RIGHT).append("\" y=\"").append(y)
        .append("\" text-anchor=\"end\" fill=\"#777777\">All times UTC</text>\n");
  }

  private static String bar(double x, double y, double width, double height, String colour, String kind) {
    return "<rect class=\"" + kind + "\" x=\"" + f(x) + "\" y=\"" + f(y) + "\" width=\"" + f(Math.max(1, width))
        + "\" height=\"" + f(height) + "\" fill=\"" + colour + "\"/>";
  }

  private static long niceStep(long peak) {
    long step = 1;
    while (true) {
      for (long factor : new long[] {1, 2, 5}) {
        if (peak / (step * factor) <= 5) {
          return step * factor;
        }
      }
      step *= 10;
    }
  }

  private static String f(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }
}
