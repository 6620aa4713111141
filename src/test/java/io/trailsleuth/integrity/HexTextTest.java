package io.trailsleuth.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A digest's previous signature is given back exactly as written, however it is held. */
final class HexTextTest {
  @Test
  void givesEveryTextBackAsWritten() {
    for (String text : new String[] {"", "00ff9a", "0".repeat(512), "ABCDEF", "abc", "not hex", "aBcd", "ffé0"}) {
      assertThat(HexText.of(Optional.of(text)).text()).contains(text);
    }
    assertThat(HexText.of(Optional.empty()).text()).isEmpty();
  }

  @Test
  void equalTextsAreEqual() {
    assertThat(HexText.of(Optional.of("00ff"))).isEqualTo(HexText.of(Optional.of("00ff")))
        .isNotEqualTo(HexText.of(Optional.of("00FF"))).isNotEqualTo(HexText.of(Optional.empty()));
  }
}
