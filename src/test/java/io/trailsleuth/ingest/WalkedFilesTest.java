package io.trailsleuth.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * The compact list of a walk's files gives back every file exactly as added, in the order of input root then relative
 * path that sorting the records gives, ties in the order added.
 */
final class WalkedFilesTest {
  private static final Comparator<SourceFile> ORDER =
      Comparator.comparing(SourceFile::inputRoot).thenComparing(SourceFile::relativePath);
  /** Segments chosen so that directory texts are prefixes of others and sort around '/' ('-', '.', ' ' sort below it). */
  private static final List<String> SEGMENTS = List.of("a", "a-b", "a.b", "ab", "b", "a b", "CloudTrail",
      "CloudTrail-Digest", "2026", "x", "é", "日本", "a0", "");

  @Test
  void givesBackTheFilesSortedAsTheRecordsSort() {
    Random random = new Random(7);
    for (int round = 0; round < 200; round++) {
      List<SourceFile> added = new ArrayList<>();
      int files = random.nextInt(120);
      for (int i = 0; i < files; i++) {
        added.add(randomFile(random));
      }
      WalkedFilesBuilder builder = WalkedFiles.builder();
      added.forEach(builder::add);
      List<SourceFile> expected = new ArrayList<>(added);
      expected.sort(ORDER);

      WalkedFiles walked = builder.build();

      assertThat(walked).as("round %d", round).hasSize(expected.size());
      for (int i = 0; i < expected.size(); i++) {
        // equal records, and the same added file for ties (a stable sort): compared by identity of the whole ones,
        // by value for the rebuilt ones
        assertThat(walked.get(i)).as("round %d file %d", round, i).isEqualTo(expected.get(i));
        assertThat(walked.get(i).underRoot()).isEqualTo(expected.get(i).underRoot());
      }
    }
  }

  @Test
  void readsForwardTheRelativePathsItsFilesGiveBack() {
    Random random = new Random(11);
    for (int round = 0; round < 200; round++) {
      WalkedFilesBuilder builder = WalkedFiles.builder();
      int files = random.nextInt(300);
      for (int i = 0; i < files; i++) {
        builder.add(randomFile(random));
      }
      WalkedFiles walked = builder.build();
      IntFunction<String> reader = walked.relativePathReader();

      // forward from any file, with repeats and jumps past whole files and blocks of 16 front-coded names
      int maximumStep = List.of(2, 20, 40).get(round % 3);
      for (int index = random.nextInt(10); index < walked.size(); index += random.nextInt(maximumStep + 1)) {
        assertThat(reader.apply(index)).as("round %d file %d", round, index).isEqualTo(walked.get(index).relativePath());
      }
    }
  }

  @Test
  void keepsTiesInTheOrderAdded() {
    // one root named twice: the same path twice, told apart only by size here
    SourceFile first = new SourceFile(Path.of("logs"), "a/f.json", "logs", "a/f.json", 1);
    SourceFile second = new SourceFile(Path.of("logs"), "a/f.json", "logs", "a/f.json", 2);
    SourceFile before = new SourceFile(Path.of("logs"), "a-b/f.json", "logs", "a-b/f.json", 3);
    WalkedFilesBuilder builder = WalkedFiles.builder();
    builder.add(first);
    builder.add(second);
    builder.add(before);

    assertThat(builder.build()).containsExactly(before, first, second);
  }

  @Test
  void keepsWholeTheFilesItCannotRebuildFromRootAndPath() {
    SourceFile input = SourceFile.standardInput();
    SourceFile named = new SourceFile(Path.of("/case/one.json"), "", "/case/one.json", "one.json", 5);
    SourceFile spelledOtherwise = new SourceFile(Path.of("logs"), "./a/f.json", "logs", "a/f.json", 6);
    SourceFile wide = new SourceFile(Path.of("logs"), "日/f.json", "logs", "日/f.json", 7);
    WalkedFilesBuilder builder = WalkedFiles.builder();
    List<SourceFile> added = List.of(wide, spelledOtherwise, named, input);
    added.forEach(builder::add);

    WalkedFiles walked = builder.build();

    assertThat(walked).containsExactly(input, named, spelledOtherwise, wide);
    assertThat(walked.get(0)).isSameAs(input);
    assertThat(walked.get(walked.size() - 1).path()).isEqualTo(Path.of("logs/日/f.json"));
  }

  @Test
  void rebuildsPathsAcrossBlocksOfFrontCodedNames() {
    List<SourceFile> added = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      String day = String.format("AWSLogs/111122223333/CloudTrail/us-east-1/2026/03/%02d/", 1 + i % 28);
      String name = String.format("111122223333_CloudTrail_us-east-1_202603%02dT%04dZ_%016x.json.gz", 1 + i % 28, i,
          (long) i * 7919);
      added.add(new SourceFile(Path.of("archive"), day + name, "archive", day + name, i));
    }
    List<SourceFile> shuffled = new ArrayList<>(added);
    Collections.shuffle(shuffled, new Random(3));
    WalkedFilesBuilder builder = WalkedFiles.builder();
    shuffled.forEach(builder::add);
    added.sort(ORDER);

    assertThat(builder.build()).containsExactlyElementsOf(added);
  }

  private static SourceFile randomFile(Random random) {
    int kind = random.nextInt(20);
    if (kind == 0) {
      return SourceFile.standardInput();
    }
    String root = List.of("r1", "r2", "r-1", "r1/sub").get(random.nextInt(4));
    StringBuilder path = new StringBuilder();
    int depth = random.nextInt(4);
    for (int d = 0; d < depth; d++) {
      path.append(SEGMENTS.get(random.nextInt(SEGMENTS.size()))).append('/');
    }
    String name = SEGMENTS.get(random.nextInt(SEGMENTS.size() - 1)) + (random.nextBoolean() ? ".json" : "");
    path.append(name);
    String relative = path.toString();
    if (kind == 1) {
      return new SourceFile(Path.of(root, relative), "", root, relative, random.nextInt(100));
    }
    if (kind == 2) {
      return new SourceFile(Path.of(root), "./" + relative, root, relative, random.nextInt(100));
    }
    return new SourceFile(Path.of(root), relative, root, relative, random.nextInt(100));
  }

  @Test
  void rebuildsLongNamesAcrossChunksOfCollectedNames() {
    // more than 1 MiB of names (two of the builder's chunks), and names sharing prefixes of 300 characters and more
    Random random = new Random(5);
    String longPrefix = "x".repeat(300);
    List<SourceFile> added = new ArrayList<>();
    for (int i = 0; i < 6_000; i++) {
      String name = (i % 3 == 0 ? longPrefix : "") + "n" + random.nextInt(1_000_000) + "-".repeat(random.nextInt(200))
          + ".json";
      String path = (i % 2 == 0 ? "r/s/" : "r-/") + name;
      added.add(new SourceFile(Path.of("root"), path, "root", path, i));
    }
    WalkedFilesBuilder builder = WalkedFiles.builder();
    added.forEach(builder::add);
    added.sort(ORDER);

    assertThat(added.stream().mapToInt(file -> file.relativePath().length()).sum()).isGreaterThan(1 << 20);
    assertThat(builder.build()).containsExactlyElementsOf(added);
  }
}
