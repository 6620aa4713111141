package io.trailsleuth.analysis;

/** Compares KMS keys named by ARN or by key ID. */
final class Keys {
  private Keys() {}

  /** True when both are known and name the same key. */
  static boolean same(String a, String b) {
    return a != null && b != null && keyId(a).equals(keyId(b));
  }

  /** True unless both are known and name different keys. */
  static boolean compatible(String a, String b) {
    return a == null || b == null || keyId(a).equals(keyId(b));
  }

  private static String keyId(String key) {
    int at = key.lastIndexOf("key/");
    return at >= 0 ? key.substring(at + 4) : key;
  }
}
