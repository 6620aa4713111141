package io.trailsleuth.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The timestamp spellings of CloudTrail and its exports all land on the same UTC instant. */
final class EventTimesTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "2022-02-07T22:23:37Z, 2022-02-07T22:23:37Z",
      "2022-02-08 09:23:37+11:00, 2022-02-07T22:23:37Z",
      "2022-02-08T09:23:37+1100, 2022-02-07T22:23:37Z",
      "2022-02-07T22:23:37.123456Z, 2022-02-07T22:23:37.123456Z",
      "2022-02-07T22:23:37, 2022-02-07T22:23:37Z",
      "2022-02-07t22:23:37z, 2022-02-07T22:23:37Z"
  })
  void parsesEveryIsoVariantToUtcMicros(String text, String utc) {
    Instant expected = Instant.parse(utc);
    assertThat(EventTimes.parseMicros(text)).isEqualTo(expected.getEpochSecond() * 1_000_000L + expected.getNano() / 1_000);
  }

  @ParameterizedTest
  @ValueSource(strings = {"redacted", "2022-13-01T00:00:00Z", "1644272617", ""})
  void rejectsTextThatIsNotATimestamp(String text) {
    assertThatThrownBy(() -> EventTimes.parseMicros(text)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not an ISO-8601 timestamp");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"Aug 1, 2024 1:37:41 PM|2024-08-01T13:37:41Z", "2024-08-01T13:37:41Z|2024-08-01T13:37:41Z"})
  void parsesIamCreateDateLeniently(String text, String utc) {
    assertThat(EventTimes.parseLenient(text)).isEqualTo(Instant.parse(utc));
  }
}
