package io.trailsleuth.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Code spans from log text: a pipe is escaped only where a table row would end at it. */
class MarkdownTextTest {
  @Test
  void codeSpanOutsideATableShowsAPipeAsTyped() {
    assertThat(MarkdownText.code("role|x")).isEqualTo("`role|x`");
  }

  @Test
  void codeSpanInATableCellEscapesEveryPipe() {
    assertThat(MarkdownText.cellCode("role|x\\|y")).isEqualTo("`role\\|x\\\\|y`");
  }

  @Test
  void codeSpanCannotBeClosedOrBrokenAcrossLines() {
    assertThat(MarkdownText.code("a`b\nc\u0007d")).isEqualTo("`a\u02cbb c d`");
    assertThat(MarkdownText.cellCode("a`b\nc")).isEqualTo("`a\u02cbb c`");
  }
}
