package io.trailsleuth.analysis;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The generations of every role, by account and role name, oldest first. */
final class Lineages {
  private final Map<String, List<Generation>> byRole = new HashMap<>();

  Lineages(List<Generation> generations) {
    for (Generation generation : generations) {
      byRole.computeIfAbsent(key(generation.accountId(), generation.roleName()), k -> new ArrayList<>()).add(generation);
    }
    byRole.values().forEach(list -> list.sort(Comparator.comparingInt(Generation::generation)));
  }

  private static String key(String accountId, String roleName) {
    return accountId + "\u0000" + roleName;
  }

  /** The generations of one role, oldest first; empty when unknown. */
  List<Generation> of(String accountId, String roleName) {
    return byRole.getOrDefault(key(accountId, roleName), List.of());
  }

  /** Every role's generations. */
  List<List<Generation>> all() {
    return byRole.values().stream().sorted(Comparator.comparing((List<Generation> l) -> l.get(0).accountId())
        .thenComparing(l -> l.get(0).roleName())).toList();
  }

  /** Index of a role ID in a lineage, or -1. */
  static int indexOf(List<Generation> lineage, String roleId) {
    for (int i = 0; i < lineage.size(); i++) {
      if (lineage.get(i).roleId().equals(roleId)) {
        return i;
      }
    }
    return -1;
  }

  /** The generation live at a time: the latest that appeared at or before it, or null. */
  static Generation liveAt(List<Generation> lineage, Instant time) {
    Generation live = null;
    for (Generation generation : lineage) {
      if (!generation.appearedAt().isAfter(time)) {
        live = generation;
      }
    }
    return live;
  }
}
