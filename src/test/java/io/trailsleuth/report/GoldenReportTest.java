package io.trailsleuth.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailsleuth.cli.CliRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files: each case under src/test/resources/golden/CASE/ holds its input (input/cloudtrail.jsonl, written by
 * {@link ReportStories}) and the expected report.md, compared byte for byte. Regenerate with
 * {@code mvn test -Dtest=GoldenReportTest -Dtrailsleuth.updateGolden=true} and review the diff.
 */
class GoldenReportTest {
  static final boolean UPDATE = Boolean.getBoolean("trailsleuth.updateGolden");
  private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");

  static Stream<String> cases() {
    return ReportStories.goldenCases().keySet().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void rendersTheExpectedMarkdownReport(String name) throws Exception {
    Path directory = GOLDEN.resolve(name);
    Path input = directory.resolve("input").resolve("cloudtrail.jsonl");
    String story = ReportStories.goldenCases().get(name).text();
    if (UPDATE) {
      Files.createDirectories(input.getParent());
      Files.writeString(input, story, StandardCharsets.UTF_8);
    }
    assertThat(Files.readString(input, StandardCharsets.UTF_8)).as("the committed input is what ReportStories writes")
        .isEqualTo(story);
    // Relative paths, so the report's Reproduce section does not depend on where the clone is.
    Path out = Path.of("target", "golden", name, "report.md");
    Files.createDirectories(out.getParent());

    CliRun run = CliRun.of("investigate", directory.resolve("input").toString(), "-q", "--out", out.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    String actual = Files.readString(out, StandardCharsets.UTF_8);
    if (UPDATE) {
      Files.writeString(directory.resolve("report.md"), actual, StandardCharsets.UTF_8);
    }
    assertThat(actual).isEqualTo(Files.readString(directory.resolve("report.md"), StandardCharsets.UTF_8));
  }
}
