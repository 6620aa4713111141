package io.trailsleuth.common;

import java.util.function.IntBinaryOperator;

/**
 * A stable merge sort of ints by a comparator of ints, so that a million positions sort without a boxed Integer each.
 * Input already in order costs one comparison per element.
 */
public final class IntSort {
  /** Runs this short are sorted by insertion. */
  private static final int INSERTION_RUN = 7;

  private IntSort() {}

  /** Sorts {@code values} in place, equal values keeping their order. */
  public static void sort(int[] values, IntBinaryOperator comparator) {
    mergeSort(values.clone(), values, 0, values.length, comparator);
  }

  /** Sorts {@code source[low, high)} into {@code target[low, high)}; both start with the same values there. */
  private static void mergeSort(int[] source, int[] target, int low, int high, IntBinaryOperator comparator) {
    if (high - low < INSERTION_RUN) {
      for (int i = low + 1; i < high; i++) {
        for (int j = i; j > low && comparator.applyAsInt(target[j - 1], target[j]) > 0; j--) {
          int swapped = target[j];
          target[j] = target[j - 1];
          target[j - 1] = swapped;
        }
      }
      return;
    }
    int middle = (low + high) >>> 1;
    mergeSort(target, source, low, middle, comparator);
    mergeSort(target, source, middle, high, comparator);
    if (comparator.applyAsInt(source[middle - 1], source[middle]) <= 0) {
      System.arraycopy(source, low, target, low, high - low);
      return;
    }
    for (int i = low, left = low, right = middle; i < high; i++) {
      if (right >= high || (left < middle && comparator.applyAsInt(source[left], source[right]) <= 0)) {
        target[i] = source[left++];
      } else {
        target[i] = source[right++];
      }
    }
  }
}
