package io.trailsleuth.common;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * JSON escapes for the control characters Jackson writes raw: DEL and the C1 controls (U+0080 to U+009F, which a
 * terminal may read as escape sequences) become {@code \}{@code u00XX}, as Jackson already writes C0 controls. The
 * value a JSON reader gets is unchanged.
 */
public final class JsonControlEscapes extends CharacterEscapes {
  /** The one instance; set it on a generator that may write to a terminal. */
  public static final JsonControlEscapes INSTANCE = new JsonControlEscapes();

  private final int[] ascii;

  private JsonControlEscapes() {
    ascii = standardAsciiEscapesForJSON();
    ascii[0x7f] = ESCAPE_STANDARD;
  }

  @Override
  public int[] getEscapeCodesForAscii() {
    return ascii.clone();
  }

  @Override
  public SerializableString getEscapeSequence(int character) {
    return character >= 0x80 && character <= 0x9f ? new SerializedString(String.format("\\u%04X", character)) : null;
  }
}
