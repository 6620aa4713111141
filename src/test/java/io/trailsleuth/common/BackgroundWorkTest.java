package io.trailsleuth.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Work run once, ahead or where it is asked for, whose failure is thrown where its result is taken. */
final class BackgroundWorkTest {
  @Test
  void runsOnceAndGivesItsResultEachTimeItIsAsked() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    for (BackgroundWork<Integer> work : List.of(
        BackgroundWork.start("test-work", runs::incrementAndGet), BackgroundWork.onRequest(runs::incrementAndGet))) {
      int first = work.get();

      assertThat(work.get()).isEqualTo(first);
    }
    assertThat(runs).hasValue(2);
  }

  @Test
  void runsStartedWorkOnADaemonThreadOfItsOwn() throws Exception {
    CountDownLatch begun = new CountDownLatch(1);
    AtomicReference<Thread> ranOn = new AtomicReference<>();
    BackgroundWork<String> work = BackgroundWork.start("test-work", () -> {
      ranOn.set(Thread.currentThread());
      begun.countDown();
      return "done";
    });

    assertThat(begun.await(30, TimeUnit.SECONDS)).as("begun without being asked for").isTrue();
    assertThat(work.get()).isEqualTo("done");
    assertThat(ranOn.get().getName()).isEqualTo("test-work");
    assertThat(ranOn.get().isDaemon()).isTrue();
  }

  @Test
  void runsWorkLeftForRequestOnTheAskingThread() throws Exception {
    AtomicReference<Thread> ranOn = new AtomicReference<>();
    BackgroundWork<String> work = BackgroundWork.onRequest(() -> {
      ranOn.set(Thread.currentThread());
      return "done";
    });

    assertThat(work.get()).isEqualTo("done");
    assertThat(ranOn).hasValue(Thread.currentThread());
  }

  @Test
  void throwsWhatTheWorkThrewAsItWasThrown() {
    IOException io = new IOException("disk full");
    IllegalStateException runtime = new IllegalStateException("broken");
    OutOfMemoryError error = new OutOfMemoryError("Java heap space");
    Exception checked = new Exception("other");

    assertThatThrownBy(() -> BackgroundWork.start("test-work", () -> {
      throw io;
    }).get()).isSameAs(io);
    assertThatThrownBy(() -> BackgroundWork.onRequest(() -> {
      throw runtime;
    }).get()).isSameAs(runtime);
    assertThatThrownBy(() -> BackgroundWork.start("test-work", () -> {
      throw error;
    }).get()).isSameAs(error);
    assertThatThrownBy(() -> BackgroundWork.onRequest(() -> {
      throw checked;
    }).get()).isInstanceOf(IOException.class).hasCause(checked);
  }
}
