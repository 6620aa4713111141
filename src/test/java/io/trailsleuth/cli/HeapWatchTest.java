package io.trailsleuth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A JVM that only collects garbage in a full heap is ended with the out-of-memory message, not left to spin. */
final class HeapWatchTest {
  @TempDir Path temp;

  @Test
  void endsARunThatCollectsWithoutEndAndSaysTheHeapIsTooSmall() throws IOException, InterruptedException {
    String message = runChild("thrash");

    assertThat(message).contains("trailsleuth: out of memory: the Java heap").contains("TRAILSLEUTH_HEAP=1g")
        .contains("This run was ended: for 3 s it spent 90 % of its time or more collecting garbage");
  }

  @Test
  void endsARunWhoseHeapHasNoRoomEvenForTheWatch() throws IOException, InterruptedException {
    String message = runChild("full");

    assertThat(message).contains("trailsleuth: out of memory: the Java heap")
        .contains("This run was ended: the heap had no room left even for its heap watch");
  }

  /** Runs {@link ThrashingChild} in a 64 MiB JVM; asserts that it was ended with exit code 1, gives its stderr. */
  private String runChild(String mode) throws IOException, InterruptedException {
    Path err = temp.resolve(mode + ".err");
    Process child = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx64m", "-XX:+UseParallelGC", "-cp", System.getProperty("java.class.path"), ThrashingChild.class.getName(), "3",
        mode)).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile()).start();
    try {
      assertThat(child.waitFor(90, TimeUnit.SECONDS)).as("the child ended").isTrue();
    } finally {
      child.destroyForcibly();
    }
    String message = Files.readString(err, StandardCharsets.UTF_8);
    assertThat(child.exitValue()).as(message).isEqualTo(ExitCode.INTERNAL_ERROR);
    return message;
  }
}
