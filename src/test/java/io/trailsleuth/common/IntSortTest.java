package io.trailsleuth.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The int merge sort orders as the JDK's stable sort does, and input already in order costs one comparison a value. */
final class IntSortTest {
  @Test
  void sortsAsTheStableSortOfTheJdk() {
    Random random = new Random(11);
    for (int round = 0; round < 300; round++) {
      int[] keys = random.ints(random.nextInt(200), 0, 1 + random.nextInt(40)).toArray();
      int[] positions = new int[keys.length];
      Arrays.setAll(positions, i -> i);
      Integer[] expected = Arrays.stream(positions).boxed().toArray(Integer[]::new);
      Arrays.sort(expected, Comparator.comparingInt(position -> keys[position]));

      IntSort.sort(positions, (first, second) -> Integer.compare(keys[first], keys[second]));

      assertThat(positions).as("round %d", round).containsExactly(Arrays.stream(expected).mapToInt(i -> i).toArray());
    }
  }

  @Test
  void inputInOrderCostsOneComparisonAValue() {
    int[] values = new int[100_000];
    Arrays.setAll(values, i -> i);
    AtomicInteger comparisons = new AtomicInteger();

    IntSort.sort(values, (first, second) -> {
      comparisons.incrementAndGet();
      return Integer.compare(first, second);
    });

    assertThat(comparisons.get()).isLessThan(values.length);
    assertThat(values).isSorted();
  }
}
