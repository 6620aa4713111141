package io.trailsleuth.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailsleuth.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Input is evidence: after every command (ingest, investigate, analyze, query, verify) each input file has the same bytes and modification time. */
final class EveryCommandLeavesInputUntouchedTest {
  private static final FileTime EVIDENCE_TIME = FileTime.from(Instant.parse("2025-03-06T08:00:00Z"));

  @TempDir
  Path temp;

  /** Bytes and modification time of one file. */
  private record Evidence(String sha256, FileTime modified) {}

  @Test
  void leavesEveryInputFileAsItWasAfterEachCommand() throws Exception {
    Path archive = Archives.recreatedRole(temp.resolve("archive"), 2_000);
    Files.write(archive.resolve("truncated.json.gz"), new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0});
    Files.writeString(archive.resolve("broken.json"), "{\"Records\":[" + Records.record(1) + ", oops");
    try (Stream<Path> files = Files.walk(archive)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Files.setLastModifiedTime(file, EVIDENCE_TIME);
      }
    }
    Map<Path, Evidence> before = snapshot(archive);
    String store = temp.resolve("store").toString();
    List<String[]> commands = List.of(
        new String[] {"ingest", archive.toString(), "--store", store, "-q"},
        new String[] {"investigate", archive.toString(), "--out", temp.resolve("report.md").toString(), "-q"},
        new String[] {"analyze", "--store", store, "--json", temp.resolve("findings.json").toString()},
        new String[] {"query", "--store", store, "SELECT count(*) AS events FROM events"},
        new String[] {"verify", archive.toString(), "--json", temp.resolve("verify.json").toString()});

    for (String[] command : commands) {
      CliRun run = CliRun.of(command);
      assertThat(run.err()).as(command[0]).doesNotContain("internal error");
      assertThat(snapshot(archive)).as("input after %s", command[0]).isEqualTo(before);
    }
  }

  private static Map<Path, Evidence> snapshot(Path archive) throws Exception {
    Map<Path, Evidence> evidence = new TreeMap<>();
    try (Stream<Path> files = Files.walk(archive)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        evidence.put(file, new Evidence(sha256(file), Files.getLastModifiedTime(file)));
      }
    }
    return evidence;
  }

  private static String sha256(Path file) throws Exception {
    return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }
}
