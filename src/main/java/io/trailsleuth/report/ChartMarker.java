package io.trailsleuth.report;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A vertical line on a timeline chart: an event that explains the Decrypt outcomes around it.
 *
 * @param at when it happened
 * @param label short text shown at the top of the line (may come from logs; escaped when drawn)
 * @param kind what kind of event it is, which decides its colour
 */
record ChartMarker(Instant at, String label, Kind kind) implements Comparable<ChartMarker> {
  /** The kinds of marker, each with its CSS colour. */
  enum Kind {
    GRANT("#1f5fa8"),
    DELETION("#b3261e"),
    RECREATION("#c46a00"),
    FIX("#6a3fa0"),
    RECOVERY("#2e7d32");

    private final String colour;

    Kind(String colour) {
      this.colour = colour;
    }

    String colour() {
      return colour;
    }
  }

  ChartMarker {
    requireNonNull(at, "at is null");
    requireNonNull(label, "label is null");
    requireNonNull(kind, "kind is null");
  }

  @Override
  public int compareTo(ChartMarker other) {
    int byTime = at.compareTo(other.at);
    return byTime != 0 ? byTime : kind.compareTo(other.kind);
  }
}
