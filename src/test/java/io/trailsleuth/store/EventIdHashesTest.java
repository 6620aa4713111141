package io.trailsleuth.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trailsleuth.model.EventColumn;
import io.trailsleuth.model.EventRow;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The ID hashes prove a run repeats no event only when every event was hashed and no two hash alike. */
final class EventIdHashesTest {
  @Test
  void provesNoRepeatOfDistinctIdsTakenByTwoThreads() {
    EventIdHashes hashes = EventIdHashes.upTo(1_000_000);
    EventIdHashes.Recorder first = hashes.recorder();
    EventIdHashes.Recorder second = hashes.recorder();
    for (int i = 0; i < 5_000; i++) {
      first.add(row("id-" + i));
      second.add(row("id-" + (i + 5_000)));
    }
    first.finish();
    second.finish();

    assertThat(hashes.provesNoRepeat(10_000)).isTrue();
  }

  @Test
  void aRepeatAcrossThreadsProvesNothingWhetherTheIdIsASliceOrAString() {
    EventIdHashes hashes = EventIdHashes.upTo(1_000_000);
    EventIdHashes.Recorder first = hashes.recorder();
    EventIdHashes.Recorder second = hashes.recorder();
    first.add(row("6a0c3f2e-0000-4000-8000-000000000001"));
    first.add(row("other"));
    byte[] record = "{\"eventID\":\"6a0c3f2e-0000-4000-8000-000000000001\"}".getBytes(StandardCharsets.UTF_8);
    EventRow slice = new EventRow();
    slice.setSlice(EventColumn.EVENT_ID, record, 12, 36);
    second.add(slice);
    first.finish();
    second.finish();

    assertThat(hashes.provesNoRepeat(3)).isFalse();
  }

  @Test
  void provesNothingWhenTheEventsCountedDifferFromTheIdsTaken() {
    EventIdHashes hashes = EventIdHashes.upTo(1_000_000);
    EventIdHashes.Recorder recorder = hashes.recorder();
    recorder.add(row("a"));
    recorder.add(row("b"));
    recorder.add(new EventRow());
    recorder.finish();

    assertThat(hashes.provesNoRepeat(3)).isFalse();
    assertThat(hashes.provesNoRepeat(2)).isTrue();
  }

  @Test
  void provesNothingOnceTheIdsOutgrowTheirRoom() {
    EventIdHashes hashes = EventIdHashes.upTo(1_024);
    EventIdHashes.Recorder first = hashes.recorder();
    EventIdHashes.Recorder second = hashes.recorder();
    for (int i = 0; i < 1_025; i++) {
      first.add(row("id-" + i));
    }
    first.finish();
    second.finish();

    assertThat(hashes.provesNoRepeat(1_025)).isFalse();
  }

  @Test
  void provesNothingWhenOff() {
    EventIdHashes hashes = EventIdHashes.off();
    EventIdHashes.Recorder recorder = hashes.recorder();
    recorder.add(row("a"));
    recorder.finish();

    assertThat(hashes.provesNoRepeat(1)).isFalse();
  }

  @Test
  void refusesToJudgeBeforeEveryThreadHasFinished() {
    EventIdHashes hashes = EventIdHashes.upTo(1_000_000);
    hashes.recorder().add(row("a"));

    assertThatThrownBy(() -> hashes.provesNoRepeat(1)).isInstanceOf(IllegalStateException.class);
  }

  private static EventRow row(String eventId) {
    EventRow row = new EventRow();
    row.set(EventColumn.EVENT_ID, eventId);
    return row;
  }
}
