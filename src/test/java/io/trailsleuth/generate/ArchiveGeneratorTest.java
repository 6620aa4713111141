package io.trailsleuth.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveGeneratorTest {
  private static final Instant START = Instant.parse("2026-03-02T00:00:00Z");

  @TempDir
  Path temporary;

  @Test
  void sameSeedWritesByteIdenticalArchives() throws IOException {
    Path first = temporary.resolve("first");
    Path second = temporary.resolve("second");
    ArchiveGenerator.generate(options(Scenario.RECREATED_ROLE, 42, 2_000, first));
    ArchiveGenerator.generate(options(Scenario.RECREATED_ROLE, 42, 2_000, second));

    assertThat(ArchiveFiles.relativePaths(second)).isEqualTo(ArchiveFiles.relativePaths(first)).isNotEmpty();
    assertThat(ArchiveFiles.storedHashes(second)).isEqualTo(ArchiveFiles.storedHashes(first));
  }

  @Test
  void differentSeedsWriteDifferentArchives() throws IOException {
    Path first = temporary.resolve("first");
    Path second = temporary.resolve("second");
    ArchiveGenerator.generate(options(Scenario.NOISE, 1, 500, first));
    ArchiveGenerator.generate(options(Scenario.NOISE, 2, 500, second));

    assertThat(ArchiveFiles.storedHashes(second)).isNotEqualTo(ArchiveFiles.storedHashes(first));
  }

  @Test
  void writesExactlyTheRequestedNumberOfRecords() throws IOException {
    GenerateSummary summary = ArchiveGenerator.generate(options(Scenario.RECREATED_ROLE, 3, 1_234, temporary));

    assertThat(summary.events()).isEqualTo(1_234);
    assertThat(ArchiveFiles.records(temporary)).hasSize(1_234);
    assertThat(ArchiveFiles.logFiles(temporary)).hasSize(summary.logFiles());
    assertThat(ArchiveFiles.digestFiles(temporary)).hasSize(summary.digestFiles());
  }

  @Test
  void noiseScenarioHasNoStory() throws IOException {
    GenerateSummary summary = ArchiveGenerator.generate(options(Scenario.NOISE, 5, 800, temporary));

    assertThat(summary.storyEvents()).isZero();
    assertThat(ArchiveFiles.records(temporary))
        .noneMatch(record -> record.get("eventName").asText().equals("DeleteRole"))
        .noneMatch(record -> record.toString().contains(RecreatedRoleStory.ROLE));
  }

  @Test
  void recordsAreInTimeOrderWithinEachLogFile() throws IOException {
    ArchiveGenerator.generate(options(Scenario.RECREATED_ROLE, 9, 3_000, temporary));

    for (String logFile : ArchiveFiles.logFiles(temporary)) {
      var times = new java.util.ArrayList<String>();
      ArchiveFiles.json(temporary.resolve(logFile)).get("Records")
          .forEach(record -> times.add(record.get("eventTime").asText()));
      assertThat(times).as(logFile).isSorted();
    }
  }

  @Test
  void writesOneStrayNonLogFile() throws IOException {
    ArchiveGenerator.generate(options(Scenario.NOISE, 5, 300, temporary));

    assertThat(ArchiveFiles.relativePaths(temporary)).filteredOn(path -> !path.endsWith(".json.gz"))
        .singleElement().asString().endsWith("notes.txt");
  }

  @Test
  void refusesAnOutputThatAlreadyHoldsAwsLogs() throws IOException {
    Files.createDirectories(temporary.resolve("AWSLogs"));

    assertThatThrownBy(() -> ArchiveGenerator.generate(options(Scenario.NOISE, 1, 10, temporary)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already holds AWSLogs/");
  }

  @Test
  void refusesFewerEventsThanTheStoryNeeds() {
    assertThatThrownBy(() -> ArchiveGenerator.generate(options(Scenario.RECREATED_ROLE, 1, 10, temporary)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("story alone has");
  }

  @Test
  void refusesARecreatedRoleWindowThatEndsBeforeDayTwo() {
    assertThatThrownBy(() -> new GenerateOptions(Scenario.RECREATED_ROLE, 1, 1_000, temporary, START, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("day 2");
  }

  static GenerateOptions options(Scenario scenario, long seed, long events, Path out) {
    return new GenerateOptions(scenario, seed, events, out, START, 3);
  }
}
