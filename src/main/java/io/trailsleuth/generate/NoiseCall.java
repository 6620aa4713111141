package io.trailsleuth.generate;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * What a request builder may look at when it fills in one background call.
 *
 * @param ids the seeded random of the log file being written
 * @param caller who makes the call
 * @param region the region of the call
 * @param time the event time
 */
record NoiseCall(RandomIds ids, Caller caller, String region, Instant time) {
  NoiseCall {
    requireNonNull(ids, "ids is null");
    requireNonNull(caller, "caller is null");
    requireNonNull(region, "region is null");
    requireNonNull(time, "time is null");
  }

  String account() {
    return caller.principal().account();
  }
}
