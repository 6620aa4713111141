package io.trailsleuth.integrity;

import java.util.Locale;
import java.util.regex.Pattern;

/** Checks recorded hex SHA-256 values and compares them with computed ones. */
final class HashValues {
  private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");
  private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]+");

  private HashValues() {}

  /** Null when the value is a well-formed hex SHA-256, else why it is malformed. */
  static String problem(String value) {
    if (SHA256_HEX.matcher(value).matches()) {
      return null;
    }
    if (value.length() < 64 && HEX.matcher(value).matches()) {
      return "has " + value.length() + " hex characters, not 64 (a leading zero may have been dropped)";
    }
    return "is not 64 hex characters: '" + abbreviate(value) + "'";
  }

  /**
   * True when the recorded value equals the computed one, ignoring case. A short hex value is compared after restoring
   * its leading zeros; it is still reported as malformed elsewhere.
   */
  static boolean matches(String recorded, String computed) {
    String normalised = recorded.toLowerCase(Locale.ROOT);
    if (normalised.length() < 64 && !normalised.isEmpty() && HEX.matcher(normalised).matches()) {
      normalised = "0".repeat(64 - normalised.length()) + normalised;
    }
    return normalised.equals(computed.toLowerCase(Locale.ROOT));
  }

  /** True for a non-empty, even-length hex string. */
  static boolean isHex(String value) {
    return !value.isEmpty() && value.length() % 2 == 0 && HEX.matcher(value).matches();
  }

  static String abbreviate(String value) {
    return value.length() <= 80 ? value : value.substring(0, 77) + "...";
  }
}
