package io.trailsleuth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The evidence pack's digest files where two input roots hold different copies of one: each is taken from the root of
 * the cited log file it lists, and the manifest names the root.
 */
final class TwoInputRootsPackDigestsTest extends TwoRootArchive {
  @ParameterizedTest(name = "tampered root first: {0}")
  @ValueSource(booleans = {true, false})
  void packsTheDigestFileOfTheInputRootWhoseLogFileItCites(boolean tamperedFirst) throws IOException {
    // the changed copy's root, named to sort first, also holds a digest forged to list the changed copy's hash
    Path forged = Files.move(tampered, temp.resolve("a-forged"));
    forgeDigestHash(forged.resolve(IAM_DIGEST), IAM_FILE, sha256OnDisk(forged.resolve(IAM_FILE)));

    Run run = investigate(tamperedFirst ? List.of(forged, genuine) : List.of(genuine, forged));

    String manifest = Files.readString(run.pack().resolve("MANIFEST.sha256"));
    assertThat(manifest).contains("# digest file (from input root " + genuine + "): ");
    String packed = manifest.lines().filter(line -> line.startsWith("# digest file (from input root " + genuine
        + "): ") && line.endsWith("/" + IAM_DIGEST)).findFirst().orElseThrow();
    assertThat(run.pack().resolve(packed.substring(packed.indexOf("): ") + 3)))
        .hasSameBinaryContentAs(genuine.resolve(IAM_DIGEST));
    assertThat(manifest.lines().filter(line -> line.startsWith("# digest file (from input root ")))
        .allSatisfy(line -> assertThat(run.pack().resolve(line.substring(line.indexOf("): ") + 3))).isRegularFile());
  }

  @Test
  void packsEveryRootsDifferingCopyOfADigestNamedByRootWhenTheCitedFilesRootHoldsNone() throws IOException {
    // the log files under one root, the digests under two others, which hold different copies of one digest
    Path logs = temp.resolve("logs");
    Path digestsX = temp.resolve("digests-x");
    Path digestsY = temp.resolve("digests-y");
    for (Path root : List.of(logs, digestsX, digestsY)) {
      ArchiveCopies.copyTree(Path.of("sample-logs", "AWSLogs"), root.resolve("AWSLogs"));
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          if (file.toString().contains("/CloudTrail-Digest/") == root.equals(logs)) {
            Files.delete(file);
          }
        }
      }
    }
    forgeDigestHash(digestsY.resolve(IAM_DIGEST), IAM_FILE, "0".repeat(64));

    Run run = investigate(List.of(digestsY, logs, digestsX));

    assertThat(run.pack().resolve("digests/input-root-1/" + IAM_DIGEST))
        .hasSameBinaryContentAs(digestsX.resolve(IAM_DIGEST));
    assertThat(run.pack().resolve("digests/input-root-2/" + IAM_DIGEST))
        .hasSameBinaryContentAs(digestsY.resolve(IAM_DIGEST));
    assertThat(run.pack().resolve("digests/" + IAM_DIGEST)).doesNotExist();
    assertThat(Files.readString(run.pack().resolve("MANIFEST.sha256")))
        .contains("# digest file (from input root " + digestsX + "): digests/input-root-1/" + IAM_DIGEST + "\n",
            "# digest file (from input root " + digestsY + "): digests/input-root-2/" + IAM_DIGEST + "\n");
  }
}
