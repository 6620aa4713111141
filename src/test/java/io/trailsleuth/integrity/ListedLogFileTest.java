package io.trailsleuth.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A digest entry gives back its hashValue exactly as written, whether held as four longs or as text. */
class ListedLogFileTest {
  private static final String KEY = "AWSLogs/111122223333/CloudTrail/us-east-1/2024/03/05/log.json.gz";

  @Test
  void givesBackEveryHashValueExactlyAsWritten() {
    String[] values = {"0123456789abcdef".repeat(4), "f".repeat(64), "0".repeat(64), "0123456789ABCDEF".repeat(4),
        "abc", "", "g".repeat(64), "0".repeat(63), "0".repeat(65), "8000000000000000".repeat(4)};
    for (String value : values) {
      ListedLogFile entry = new ListedLogFile(KEY, value);

      assertThat(entry.hashValue()).isEqualTo(value);
      assertThat(entry.s3Object()).isSameAs(KEY);
      assertThat(entry).isEqualTo(new ListedLogFile(KEY, new String(value.toCharArray())))
          .hasSameHashCodeAs(new ListedLogFile(KEY, value));
    }
    assertThat(new ListedLogFile(KEY, "a".repeat(64))).isNotEqualTo(new ListedLogFile(KEY, "A".repeat(64)));
  }
}
