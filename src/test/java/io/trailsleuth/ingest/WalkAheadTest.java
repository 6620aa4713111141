package io.trailsleuth.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A walk begun ahead of the ingest, or on request, is the walk of its inputs, and fails as walking them fails. */
final class WalkAheadTest {
  @TempDir
  Path temp;

  @Test
  void givesTheWalkOfItsInputsWhetherBegunAheadOrOnRequest() throws Exception {
    Files.createDirectories(temp.resolve("logs/a"));
    Files.writeString(temp.resolve("logs/a/one.json"), "{}");
    Files.writeString(temp.resolve("logs/two.json"), "{}");
    List<String> inputs = List.of(temp.resolve("logs").toString(), temp.resolve("missing").toString());
    SourceWalker.Walk expected = SourceWalker.walk(inputs);

    for (WalkAhead walk : List.of(WalkAhead.start(inputs), WalkAhead.onRequest(inputs))) {
      SourceWalker.Walk walked = walk.get();

      assertThat(walk.inputs()).isEqualTo(inputs);
      assertThat(walked.files()).containsExactlyElementsOf(expected.files()).hasSize(2);
      assertThat(walked.problems()).containsExactlyElementsOf(expected.problems()).hasSize(1);
      assertThat(walk.get()).as("asked again").isSameAs(walked);
    }
  }

  @Test
  void throwsWhatWalkingTheInputsThrew() {
    List<String> inputs = List.of("logs\0");

    assertThatThrownBy(() -> WalkAhead.start(inputs).get()).isInstanceOf(InvalidPathException.class);
    assertThatThrownBy(() -> WalkAhead.onRequest(inputs).get()).isInstanceOf(InvalidPathException.class);
  }
}
