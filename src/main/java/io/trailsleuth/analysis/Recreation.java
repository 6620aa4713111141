package io.trailsleuth.analysis;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A new generation of a role: when it appeared, who created it, its unique ID, and what happened to it in the
 * incident: its deletion, when that came before the fix (or the last failure), and the Decrypts denied under it.
 *
 * @param at when the generation appeared (CreateRole time, or first activity)
 * @param actor who created it ({@link Actor#UNKNOWN} when only activity shows it)
 * @param newRoleId the generation's unique ID
 * @param deletedAt when this generation was deleted in the incident window, or null
 * @param deletedBy who deleted it, or null when the logs do not show it
 * @param denials the function's denied Decrypts under this generation, or null when there were none
 */
public record Recreation(Instant at, Actor actor, String newRoleId, Instant deletedAt, Actor deletedBy,
    DenialRun denials) {
  public Recreation {
    requireNonNull(at, "at is null");
    requireNonNull(actor, "actor is null");
    requireNonNull(newRoleId, "newRoleId is null");
  }
}
