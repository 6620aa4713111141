package io.trailsleuth.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The unlisted files held as one text of paths and a bit each read back as the records they were, sorted by path. */
class UnlistedFilesTest {
  private static final UnlistedFile LATER = new UnlistedFile("AWSLogs/b/ünïcode-名前.json.gz", true);
  private static final UnlistedFile EARLIER = new UnlistedFile("AWSLogs/a/log.json.gz", false);
  private static final UnlistedFile EMPTY_NAME = new UnlistedFile("", true);

  @Test
  void readsBackEveryFileSortedByPathWithItsCoverageAndExplanation() {
    UnlistedFiles files = UnlistedFiles.of(List.of(LATER, EARLIER, EMPTY_NAME, EARLIER));

    assertThat(files).containsExactly(EMPTY_NAME, EARLIER, EARLIER, LATER);
    assertThat(files).isEqualTo(List.of(EMPTY_NAME, EARLIER, EARLIER, LATER));
    assertThat(files.get(3).explanation()).startsWith("a digest for this account, region and hour is present");
    assertThat(files.get(1).explanation()).startsWith("no digest in the archive covers this window");
    assertThat(UnlistedFiles.of(files)).isSameAs(files);
    assertThatThrownBy(() -> files.get(4)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void readsBackTensOfThousandsOfFilesAcrossItsTexts() {
    List<UnlistedFile> files = new ArrayList<>();
    for (int index = 0; index < 10_000; index++) {
      files.add(new UnlistedFile("AWSLogs/" + "x".repeat(index % 7) + "/log-" + (99_999 - index) + ".json", index % 3 == 0));
    }
    List<UnlistedFile> sorted = files.stream().sorted(Comparator.comparing(UnlistedFile::path)).toList();

    UnlistedFiles held = UnlistedFiles.of(files);

    assertThat(held).isEqualTo(sorted);
    assertThat(sorted).allSatisfy(file -> assertThat(held.containsPath(file.path())).isTrue());
    assertThat(held.containsPath("AWSLogs/log-1.json")).isFalse();
  }

  @Test
  void readsBackPathsThatShareHalfACharacterOrMoreThanSixtyFiveThousand() {
    String longDirectory = "d".repeat(70_000) + "/";
    List<UnlistedFile> files = List.of(new UnlistedFile("AWSLogs/b/\uD83D\uDE00.json", false),
        new UnlistedFile("AWSLogs/b/\uD83D\uDE01.json", true), new UnlistedFile(longDirectory + "a.json", false),
        new UnlistedFile(longDirectory + "b.json", true));

    assertThat(UnlistedFiles.of(files)).containsExactlyElementsOf(
        files.stream().sorted(Comparator.comparing(UnlistedFile::path)).toList());
  }

  @Test
  void findsAPathByBinarySearch() {
    UnlistedFiles files = UnlistedFiles.of(List.of(LATER, EARLIER, EMPTY_NAME));

    assertThat(files.containsPath(LATER.path())).isTrue();
    assertThat(files.containsPath(EARLIER.path())).isTrue();
    assertThat(files.containsPath("")).isTrue();
    assertThat(files.containsPath("AWSLogs/a/log.json")).isFalse();
    assertThat(UnlistedFiles.of(List.of()).containsPath("")).isFalse();
  }
}
