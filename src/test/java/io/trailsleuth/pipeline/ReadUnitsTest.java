package io.trailsleuth.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

final class ReadUnitsTest {
  @Test
  void makesEachFileAUnitInWalkOrderWhenNoPathRepeats() {
    ReadUnits units = units(List.of("a/1.json", "a/2.json", "b/1.json"));

    assertThat(units(units)).containsExactly(List.of(0), List.of(1), List.of(2));
  }

  @Test
  void groupsTheCopiesOfOnePathUnderTwoRootsInWalkOrder() {
    // two roots, each walked in path order: root one's files, then root two's
    ReadUnits units = units(List.of("a.json", "b.json", "c.json", "a.json", "c.json", "d.json"));

    assertThat(units(units)).containsExactly(List.of(0, 3), List.of(1), List.of(2, 4), List.of(5));
  }

  @Test
  void groupsARootNamedTwice() {
    ReadUnits units = units(List.of("a.json", "a.json", "b.json", "b.json"));

    assertThat(units(units)).containsExactly(List.of(0, 1), List.of(2, 3));
  }

  @Test
  void holdsNoUnitForNoFile() {
    assertThat(units(List.of()).count()).isZero();
  }

  private static ReadUnits units(List<String> relativePaths) {
    return ReadUnits.of(relativePaths.size(), relativePaths::get);
  }

  private static List<List<Integer>> units(ReadUnits units) {
    List<List<Integer>> all = new ArrayList<>();
    for (int unit = 0; unit < units.count(); unit++) {
      all.add(IntStream.of(units.files(unit)).boxed().toList());
    }
    return all;
  }
}
