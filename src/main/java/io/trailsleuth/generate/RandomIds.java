package io.trailsleuth.generate;

import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/** Identifiers and choices drawn from one seeded random: UUIDs, hex, AWS-style unique ids and keys. */
final class RandomIds {
  private static final String UPPER_ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private static final String HEX = "0123456789abcdef";

  private final SplittableRandom random;

  RandomIds(SplittableRandom random) {
    this.random = random;
  }

  /** A version-4 UUID built from the seeded random, never from the system's. */
  String uuid() {
    long most = (random.nextLong() & ~0xF000L) | 0x4000L;
    long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(most, least).toString();
  }

  String hex(int length) {
    return draw(HEX, length);
  }

  String upperAlphanumeric(int length) {
    return draw(UPPER_ALPHANUMERIC, length);
  }

  String alphanumeric(int length) {
    return draw(ALPHANUMERIC, length);
  }

  /** A role unique id: "AROA" and 17 upper-case letters or digits (21 characters). */
  String roleId() {
    return "AROA" + upperAlphanumeric(17);
  }

  /** An IAM user unique id: "AIDA" and 17 upper-case letters or digits. */
  String userId() {
    return "AIDA" + upperAlphanumeric(17);
  }

  /** A temporary access key id (ASIA...), as STS hands out. */
  String temporaryAccessKey() {
    return "ASIA" + upperAlphanumeric(16);
  }

  /** A long-term access key id (AKIA...). */
  String longTermAccessKey() {
    return "AKIA" + upperAlphanumeric(16);
  }

  /** Base64 of 32 random bytes, the shape of a Lambda codeSha256. */
  String base64Sha256() {
    byte[] bytes = new byte[32];
    for (int index = 0; index < bytes.length; index++) {
      bytes[index] = (byte) random.nextInt(256);
    }
    return Base64.getEncoder().encodeToString(bytes);
  }

  /** An integer in [low, high]. */
  int between(int low, int high) {
    return low + random.nextInt(high - low + 1);
  }

  boolean chance(double probability) {
    return random.nextDouble() < probability;
  }

  double fraction() {
    return random.nextDouble();
  }

  <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  private String draw(String alphabet, int length) {
    StringBuilder text = new StringBuilder(length);
    for (int index = 0; index < length; index++) {
      text.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return text.toString();
  }
}
