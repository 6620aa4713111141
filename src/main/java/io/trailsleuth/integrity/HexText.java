package io.trailsleuth.integrity;

import java.util.HexFormat;
import java.util.Optional;

/**
 * An optional hex text held as the bytes it spells when it is lower-case hex of even length, as CloudTrail writes a
 * digest's previousDigestSignature (256 bytes instead of a 512-character string, in every digest held), else exactly
 * as written; {@link #text} gives the text back unchanged either way.
 */
final class HexText {
  private static final HexFormat HEX = HexFormat.of();
  private static final HexText ABSENT = new HexText(null, null);

  private final byte[] bytes;
  private final String textAsWritten;

  private HexText(byte[] bytes, String textAsWritten) {
    this.bytes = bytes;
    this.textAsWritten = textAsWritten;
  }

  static HexText of(Optional<String> text) {
    if (text.isEmpty()) {
      return ABSENT;
    }
    String value = text.get();
    boolean compact = value.length() % 2 == 0 && value.chars().allMatch(HexText::isLowerCaseHex);
    return compact ? new HexText(HEX.parseHex(value), null) : new HexText(null, value);
  }

  private static boolean isLowerCaseHex(int character) {
    return (character >= '0' && character <= '9') || (character >= 'a' && character <= 'f');
  }

  /** The text as written, or empty when there was none. */
  Optional<String> text() {
    return bytes != null ? Optional.of(HEX.formatHex(bytes)) : Optional.ofNullable(textAsWritten);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof HexText hex && text().equals(hex.text());
  }

  @Override
  public int hashCode() {
    return text().hashCode();
  }

  @Override
  public String toString() {
    return text().orElse("");
  }
}
