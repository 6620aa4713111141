package io.trailsleuth.analysis;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/** A role deleted and not re-created within the logs, with the functions that still use it. */
public record DeletedRole(String accountId, String roleName, String roleId, Instant deletedAt, Actor deletedBy,
    List<String> functions, String deletedEventId) {
  public DeletedRole {
    requireNonNull(accountId, "accountId is null");
    requireNonNull(roleName, "roleName is null");
    requireNonNull(deletedAt, "deletedAt is null");
    requireNonNull(deletedBy, "deletedBy is null");
    functions = functions.stream().distinct().sorted().toList();
  }
}
