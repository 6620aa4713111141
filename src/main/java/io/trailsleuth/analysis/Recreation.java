package io.trailsleuth.analysis;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A new generation of a role: when it appeared, who created it, and its unique ID.
 *
 * @param at when the generation appeared (CreateRole time, or first activity)
 * @param actor who created it ({@link Actor#UNKNOWN} when only activity shows it)
 * @param newRoleId the generation's unique ID
 */
public record Recreation(Instant at, Actor actor, String newRoleId) {
  public Recreation {
    requireNonNull(at, "at is null");
    requireNonNull(actor, "actor is null");
    requireNonNull(newRoleId, "newRoleId is null");
  }
}
