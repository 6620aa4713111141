package io.trailsleuth.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
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
    assertThat(EventTimes.parseMicros(text)).isEqualTo(micros(expected));
    assertThat(EventTimes.parseMicros(inBytes(text), 3, text.length())).isEqualTo(micros(expected));
  }

  @Test
  void readsCloudTrailsSpellingFromBytesAsJavaTimeDoesOnEveryDayOfThreeCenturies() {
    // 1900 and 2100 are not leap years, 2000 is
    for (LocalDate date = LocalDate.of(1899, 1, 1); date.getYear() < 2102; date = date.plusDays(1)) {
      String text = date + "T23:59:58Z";
      assertThat(EventTimes.parseMicros(inBytes(text), 3, 20)).as(text).isEqualTo(micros(Instant.parse(text)));
    }
    assertThat(EventTimes.parseMicros(inBytes("0000-01-01T00:00:00Z"), 3, 20))
        .isEqualTo(micros(Instant.parse("0000-01-01T00:00:00Z")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2023-02-29T00:00:00Z", "2100-02-29T00:00:00Z", "2024-04-31T00:00:00Z", "2024-01-01T24:00:00Z",
      "2024-01-01T23:60:00Z", "2024-01-01T23:59:60Z", "2024-00-10T00:00:00Z", "2024-13-10T00:00:00Z",
      "2024-01-00T00:00:00Z", "2024-01-0xT00:00:00Z", "2024-01-0:T00:00:00Z", "2024/01/01T00:00:00Z"})
  void rejectsFromBytesWhatItRejectsAsText(String text) {
    assertThatThrownBy(() -> EventTimes.parseMicros(text)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not an ISO-8601 timestamp");
    assertThatThrownBy(() -> EventTimes.parseMicros(inBytes(text), 3, text.length()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an ISO-8601 timestamp");
  }

  private static byte[] inBytes(String text) {
    return ("\"x\"" + text + "\"").getBytes(StandardCharsets.UTF_8);
  }

  private static long micros(Instant instant) {
    return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
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
