package io.trailsleuth.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The contents a store has read, looked up by SHA-256 exactly as a set of the hex strings would answer. */
final class KnownContentsTest {
  private static final String LOW = "0".repeat(63) + "1";
  /** Differs from {@link #HIGH_TWIN} in its last digit only, and sorts after every hash whose first digit is below f. */
  private static final String HIGH = "f".repeat(63) + "e";
  private static final String HIGH_TWIN = "f".repeat(64);

  @Test
  void answersAsTheSetOfItsHashesWouldForEveryHashAddedAndOthers() {
    TreeSet<String> hashes = new TreeSet<>(List.of(LOW, HIGH));
    // hashes whose first half sorts differently as signed longs than as text: 8..f in their first digit
    IntStream.range(0, 2000).mapToObj(i -> String.format("%016x", i * 0x0123456789abcdefL).repeat(4))
        .forEach(hashes::add);
    KnownContents.Builder builder = new KnownContents.Builder();
    hashes.forEach(builder::add);

    KnownContents known = builder.build();

    assertThat(known.size()).isEqualTo(hashes.size());
    assertThat(hashes).allMatch(known::contains);
    assertThat(known.contains(HIGH_TWIN)).isFalse();
    assertThat(known.contains("0".repeat(63) + "2")).isFalse();
    assertThat(known.contains("")).isFalse();
    assertThat(known.contains(LOW.toUpperCase().replace('1', 'A'))).isFalse();
  }

  @Test
  void leavesOutValuesThatAreNotHashesAndRefusesHashesOutOfOrder() {
    KnownContents known = new KnownContents.Builder().add("").add("not a hash").add(LOW).add(HIGH).build();

    assertThat(known.size()).isEqualTo(2);
    assertThatThrownBy(() -> new KnownContents.Builder().add(HIGH).add(LOW))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("ascending");
    assertThat(KnownContents.none().contains(LOW)).isFalse();
  }
}
