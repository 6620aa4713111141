package io.trailsleuth.generate;

import java.util.SplittableRandom;

/** Stable unique ids for named roles and users, so one principal has one id in the story and the noise. */
final class UniqueIds {
  private final long seed;

  UniqueIds(long seed) {
    this.seed = seed;
  }

  String roleId(String account, String roleName) {
    return draw("role", account, roleName).roleId();
  }

  String userId(String account, String userName) {
    return draw("user", account, userName).userId();
  }

  String userAccessKey(String account, String userName) {
    return draw("key", account, userName).longTermAccessKey();
  }

  private RandomIds draw(String kind, String account, String name) {
    long mixed = seed;
    for (char character : (kind + "/" + account + "/" + name).toCharArray()) {
      mixed = mixed * 1_000_003L + character;
    }
    return new RandomIds(new SplittableRandom(mixed));
  }
}
