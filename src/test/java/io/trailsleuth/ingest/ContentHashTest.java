package io.trailsleuth.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** A SHA-256 kept as four longs gives back the hex text it was made from; an unknown one gives none. */
class ContentHashTest {
  @Test
  void givesBackTheLowerCaseHexOfTheDigestItWasMadeFrom() throws Exception {
    for (String text : new String[] {"", "a", "{\"Records\":[]}"}) {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes());

      assertThat(ContentHash.of(digest).hex()).isEqualTo(HexFormat.of().formatHex(digest));
      assertThat(ContentHash.of(digest)).isEqualTo(ContentHash.of(digest.clone()));
    }
    byte[] highBits = new byte[32];
    Arrays.fill(highBits, (byte) 0xff);
    assertThat(ContentHash.of(highBits).hex()).isEqualTo("f".repeat(64));
  }

  @Test
  void anUnknownHashHasNoText() {
    assertThat(ContentHash.UNKNOWN.hex()).isEmpty();
    assertThat(ContentHash.UNKNOWN.known()).isFalse();
    assertThatThrownBy(() -> ContentHash.of(new byte[16])).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("32 bytes");
  }
}
