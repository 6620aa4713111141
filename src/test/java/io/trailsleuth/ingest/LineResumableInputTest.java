package io.trailsleuth.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** After a broken line, reading resumes at the next line, whether or not the parser had already read past it. */
final class LineResumableInputTest {
  @Test
  void replaysTheBytesAlreadyServedAfterTheBrokenLine() throws Exception {
    LineResumableInput input = input("good\nbroken\nnext\n");
    byte[] all = input.readNBytes(17);

    long resumed = input.resumeAfterLineOf(5);

    assertThat(new String(all, StandardCharsets.US_ASCII)).startsWith("good");
    assertThat(resumed).isEqualTo(12);
    assertThat(new String(input.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("next\n");
  }

  @Test
  void skipsTheRestOfALineThatWasNeverServed() throws Exception {
    String longLine = "{\"broken\": " + "x".repeat(200_000) + "\n";
    LineResumableInput input = input(longLine + "after\n");
    input.readNBytes(8000);

    long resumed = input.resumeAfterLineOf(0);

    assertThat(resumed).isEqualTo(longLine.length());
    assertThat(new String(input.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("after\n");
  }

  @Test
  void skipsWhiteSpaceBeforeTheBrokenValueSoTheNextLineIsKept() throws Exception {
    LineResumableInput input = input("{\"a\":1}\n{\"trunc\n{\"b\":2}\n");
    input.readNBytes(24);

    long resumed = input.resumeAfterLineOf(7);

    assertThat(new String(input.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("{\"b\":2}\n");
    assertThat(resumed).isEqualTo(16);
  }

  @Test
  void saysWhenTheInputEndsBeforeAnotherLine() throws Exception {
    LineResumableInput input = input("{\"a\":1}\n{\"broken");
    input.readAllBytes();

    assertThat(input.resumeAfterLineOf(8)).isEqualTo(-1);
  }

  private static LineResumableInput input(String text) {
    return new LineResumableInput(new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)));
  }
}
