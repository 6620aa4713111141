package io.trailsleuth.analysis;

import static java.util.Objects.requireNonNull;

/**
 * A new generation of a role: when it was created, who created it, its unique ID, and what happened to it in the
 * incident: its deletion, when that came before the fix (or the last failure), and the Decrypts denied under it.
 *
 * @param created when it was created: exact from CreateRole or a snapshot's CreateDate, else bounded by sightings
 * @param actor who created it ({@link Actor#UNKNOWN} unless CreateRole shows it)
 * @param newRoleId the generation's unique ID
 * @param deleted when this generation was deleted in the incident window, or null
 * @param deletedBy who deleted it, or null when the logs do not show it
 * @param denials the function's denied Decrypts under this generation, or null when there were none
 */
public record Recreation(RoleChangeTime created, Actor actor, String newRoleId, RoleChangeTime deleted, Actor deletedBy,
    DenialRun denials) {
  public Recreation {
    requireNonNull(created, "created is null");
    requireNonNull(actor, "actor is null");
    requireNonNull(newRoleId, "newRoleId is null");
  }
}
