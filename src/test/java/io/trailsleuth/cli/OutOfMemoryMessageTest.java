package io.trailsleuth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * A run that exhausts the heap says so and what to do, whether the error reached it directly or wrapped; other
 * OutOfMemoryErrors, and causes that loop, take the internal-error path.
 */
final class OutOfMemoryMessageTest {
  @Command(name = "direct")
  static final class Direct implements Callable<Integer> {
    @Override
    public Integer call() {
      throw new OutOfMemoryError("Java heap space");
    }
  }

  @Command(name = "wrapped")
  static final class Wrapped implements Callable<Integer> {
    @Override
    public Integer call() throws IOException {
      // as a parser thread's error reaches the command
      throw new IOException(new OutOfMemoryError("GC overhead limit exceeded"));
    }
  }

  @Command(name = "threads")
  static final class Threads implements Callable<Integer> {
    @Override
    public Integer call() throws IOException {
      throw new IOException(new OutOfMemoryError("unable to create native thread: possibly out of memory"));
    }
  }

  @Command(name = "cycle")
  static final class Cycle implements Callable<Integer> {
    @Override
    public Integer call() throws IOException {
      IOException first = new IOException("first");
      first.initCause(new IllegalStateException("second", first));
      throw first;
    }
  }

  @Test
  void namesTheHeapAndTheWaysOutInsteadOfAStackTrace() {
    for (Object command : new Object[] {new Direct(), new Wrapped()}) {
      StringWriter err = new StringWriter();

      int code = Main.execute(new CommandLine(command), new PrintWriter(new StringWriter()), new PrintWriter(err));

      assertThat(code).isEqualTo(ExitCode.INTERNAL_ERROR);
      assertThat(err.toString()).startsWith("trailsleuth: out of memory: the Java heap (")
          .contains("TRAILSLEUTH_HEAP=1g", "--since and --until").doesNotContain("internal error", "\tat ");
    }
  }

  @Test
  @Timeout(30)
  void anOutOfMemoryErrorThatALargerHeapDoesNotCureIsAnInternalError() {
    for (Object command : new Object[] {new Threads(), new Cycle()}) {
      StringWriter err = new StringWriter();

      int code = Main.execute(new CommandLine(command), new PrintWriter(new StringWriter()), new PrintWriter(err));

      assertThat(code).isEqualTo(ExitCode.INTERNAL_ERROR);
      assertThat(err.toString()).startsWith("trailsleuth: internal error: ").doesNotContain("TRAILSLEUTH_HEAP");
    }
  }

  @Test
  @Timeout(30)
  void findsTheHeapsErrorAtAnyDepthAndInACycleOfCauses() {
    Exception deep = new IOException(new OutOfMemoryError("Java heap space"));
    for (int wrap = 0; wrap < 100; wrap++) {
      deep = new IllegalStateException(deep);
    }
    // a cycle whose last member is the heap's error: first -> second -> third (the error) -> first
    IOException first = new IOException("first");
    IllegalStateException second = new IllegalStateException("second");
    OutOfMemoryError third = new OutOfMemoryError("GC overhead limit exceeded");
    first.initCause(second);
    second.initCause(third);
    third.initCause(first);
    IOException loop = new IOException("loop");
    IllegalStateException back = new IllegalStateException("back", loop);
    loop.initCause(new IllegalArgumentException("tail", back));

    assertThat(Main.causedByHeapExhaustion(deep)).isTrue();
    assertThat(Main.causedByHeapExhaustion(new IllegalStateException("outside", first))).isTrue();
    assertThat(Main.causedByHeapExhaustion(new IllegalStateException("tail", loop))).isFalse();
    assertThat(Main.causedByHeapExhaustion(new OutOfMemoryError("Metaspace"))).isFalse();
  }
}
