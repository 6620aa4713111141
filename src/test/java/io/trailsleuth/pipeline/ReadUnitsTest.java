package io.trailsleuth.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
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

  @Test
  void groupsAsAStableSortByPathWouldWhateverTheRunsAndReadsForward() {
    Random random = new Random(9);
    List<String> names = List.of("a", "a/b", "a-b", "b", "b/a", "c", "c.json", "d");
    for (int round = 0; round < 500; round++) {
      List<String> paths = new ArrayList<>();
      int roots = 1 + random.nextInt(4);
      for (int root = 0; root < roots; root++) {
        // each root's files in path order; now and then a file out of order, as a file named directly after its root
        List<String> files = new ArrayList<>(names.stream().filter(name -> random.nextInt(3) > 0).toList());
        files.sort(null);
        if (random.nextInt(5) == 0) {
          files.add(names.get(random.nextInt(names.size())));
        }
        paths.addAll(files);
      }
      List<Integer> reads = new ArrayList<>();
      ReadUnits units = ReadUnits.of(paths.size(), paths::get, () -> {
        int[] last = {-1};
        return file -> {
          assertThat(file).as("a reader asked backward").isGreaterThan(last[0]);
          last[0] = file;
          reads.add(file);
          return paths.get(file);
        };
      });

      assertThat(units(units)).as("round %d: %s", round, paths).isEqualTo(stableSortUnits(paths));
      assertThat(reads).as("each path read through a reader at most twice").hasSizeLessThanOrEqualTo(2 * paths.size());
    }
  }

  @Test
  void groupsARootNamedTwiceWithMoreRunsThanAreMerged() {
    // a root named twice lists each of its files twice in a row: x, x, y, y, ... is a run of every second file
    for (int paths : List.of(ReadUnits.MOST_RUNS_MERGED - 1, ReadUnits.MOST_RUNS_MERGED, 500)) {
      List<String> walk = new ArrayList<>();
      for (int i = 0; i < paths; i++) {
        String path = String.format("AWSLogs/1/CloudTrail/r/f%04d.json.gz", i);
        walk.add(path);
        walk.add(path);
      }
      ReadUnits units = ReadUnits.of(walk.size(), walk::get, () -> {
        int[] last = {-1};
        return file -> {
          assertThat(file).as("a reader asked backward").isGreaterThan(last[0]);
          last[0] = file;
          return walk.get(file);
        };
      });

      assertThat(units(units)).as("%d paths", paths).isEqualTo(stableSortUnits(walk));
      assertThat(units.count()).isEqualTo(paths);
    }
  }

  /** The units as grouping a stable sort of the files by path gives them. */
  private static List<List<Integer>> stableSortUnits(List<String> paths) {
    List<Integer> files = new ArrayList<>(IntStream.range(0, paths.size()).boxed().toList());
    files.sort(Comparator.comparing(paths::get));
    List<List<Integer>> units = new ArrayList<>();
    for (int k = 0; k < files.size(); k++) {
      if (k == 0 || !paths.get(files.get(k)).equals(paths.get(files.get(k - 1)))) {
        units.add(new ArrayList<>());
      }
      units.get(units.size() - 1).add(files.get(k));
    }
    return units;
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
