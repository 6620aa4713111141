package io.trailsleuth.generate;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * What to generate.
 *
 * @param scenario the story to tell
 * @param seed the seed of every random choice; the same options give byte-identical output
 * @param events the total number of records, story included
 * @param out the directory that receives AWSLogs/
 * @param start the first instant of the covered period
 * @param days how many days the period covers
 */
public record GenerateOptions(Scenario scenario, long seed, long events, Path out, Instant start, int days) {
  public GenerateOptions {
    requireNonNull(scenario, "scenario is null");
    requireNonNull(out, "out is null");
    requireNonNull(start, "start is null");
    if (events < 0) {
      throw new IllegalArgumentException("--events must not be negative");
    }
    if (days < 1) {
      throw new IllegalArgumentException("--days must be at least 1");
    }
    if (scenario == Scenario.RECREATED_ROLE && days < 2) {
      throw new IllegalArgumentException("the recreated-role scenario happens on day 2: use --days 2 or more");
    }
  }

  /** The end of the covered period (exclusive). */
  public Instant end() {
    return start.plus(Duration.ofDays(days));
  }
}
