package io.trailsleuth.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailsleuth.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed sample-logs/ must be exactly what the command in its README generates. */
class SampleLogsTest {
  private static final Path SAMPLE_LOGS = Path.of("sample-logs");

  @TempDir
  Path regenerated;

  @Test
  void committedSampleLogsAreExactlyWhatTheReadmeCommandGenerates() throws IOException {
    int exitCode = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
        readmeArguments(regenerated));
    assertThat(exitCode).isZero();

    Path committed = SAMPLE_LOGS.resolve("AWSLogs");
    Path generated = regenerated.resolve("AWSLogs");
    List<String> files = ArchiveFiles.relativePaths(committed);
    assertThat(files).isEqualTo(ArchiveFiles.relativePaths(generated));
    for (String file : files) {
      // Compared decompressed: every hash in the digests covers this content, and gzip bytes may differ by zlib build.
      assertThat(ArchiveFiles.content(committed.resolve(file)))
          .as("sample-logs/AWSLogs/%s differs from a fresh generate; regenerate it, do not edit it", file)
          .isEqualTo(ArchiveFiles.content(generated.resolve(file)));
    }
  }

  /** The arguments of the "trailsleuth generate ..." line in the README, with --out pointed at {@code out}. */
  private static String[] readmeArguments(Path out) throws IOException {
    String line = Files.readAllLines(SAMPLE_LOGS.resolve("README.md")).stream().map(String::strip)
        .filter(text -> text.startsWith("trailsleuth generate ") || text.startsWith("./trailsleuth generate "))
        .findFirst().orElseThrow(() -> new AssertionError("sample-logs/README.md names no generate command"));
    List<String> words = new ArrayList<>(Arrays.asList(line.split("\\s+")));
    words.remove(0);
    int outIndex = words.indexOf("--out");
    assertThat(outIndex).as("--out in the README command").isNotNegative();
    words.set(outIndex + 1, out.toString());
    return words.toArray(String[]::new);
  }
}
