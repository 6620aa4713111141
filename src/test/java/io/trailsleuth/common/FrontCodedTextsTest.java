package io.trailsleuth.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Front-coded texts give back each text as added, by index and through a reader that reads forward. */
final class FrontCodedTextsTest {
  @Test
  void givesBackEveryTextByIndexAndInOrder() {
    List<String> added = sortedPaths(10_000, new Random(1));
    FrontCodedTexts texts = FrontCodedTexts.of(added.size(), added::get);
    FrontCodedTexts.Reader reader = texts.reader();

    for (int index = 0; index < added.size(); index++) {
      assertThat(texts.get(index)).isEqualTo(added.get(index));
      assertThat(reader.get(index)).isEqualTo(added.get(index));
    }
  }

  @Test
  void readsForwardAcrossBlocksWithJumpsAndRepeats() {
    Random random = new Random(2);
    List<String> added = sortedPaths(20_000, random);
    FrontCodedTexts texts = FrontCodedTexts.of(added.size(), added::get);
    for (int round = 0; round < 50; round++) {
      FrontCodedTexts.Reader reader = texts.reader();
      int maximumStep = List.of(1, 3, 17, 200, 5_000).get(round % 5);
      for (int index = random.nextInt(100); index < added.size(); index += random.nextInt(maximumStep + 1)) {
        assertThat(reader.get(index)).as("round %d text %d", round, index).isEqualTo(added.get(index));
      }
    }
  }

  @Test
  void refusesToReadBackward() {
    List<String> added = sortedPaths(40, new Random(3));
    FrontCodedTexts.Reader reader = FrontCodedTexts.of(added.size(), added::get).reader();
    reader.get(20);

    assertThatThrownBy(() -> reader.get(19)).isInstanceOf(IllegalArgumentException.class);
  }

  /** Paths that share long prefixes, as a trail's log files do, in order. */
  private static List<String> sortedPaths(int count, Random random) {
    List<String> paths = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      paths.add(String.format("AWSLogs/%d/CloudTrail/us-east-%d/2026/03/%02d/file-%06d-%s.json.gz", random.nextInt(3),
          random.nextInt(2), 1 + random.nextInt(28), random.nextInt(1_000_000), "x".repeat(random.nextInt(5))));
    }
    paths.sort(null);
    return paths;
  }
}
