package io.trailsleuth.pipeline;

import static io.trailsleuth.pipeline.TestStores.fixture;
import static org.assertj.core.api.Assertions.assertThat;

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

/** Input is evidence: after an ingest every input file has the same bytes and modification time. */
final class InputUntouchedTest {
  private static final FileTime EVIDENCE_TIME = FileTime.from(Instant.parse("2025-03-06T08:00:00Z"));

  @TempDir
  Path temp;

  @Test
  void leavesEveryInputFileWithTheSameBytesAndModificationTime() throws Exception {
    Path archive = temp.resolve("archive");
    try (Stream<Path> files = Files.walk(fixture(""))) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Path target = archive.resolve(fixture("").relativize(file).toString());
        Files.createDirectories(target.getParent());
        Files.copy(file, target);
      }
    }
    TestStores.gzip(Files.readAllBytes(fixture("trail-records/compact.json")), archive.resolve("gz/trail.json.gz"));
    Files.writeString(archive.resolve("broken.json"), "{\"Records\":[{\"eventTime\": oops");
    Map<Path, byte[]> before = snapshot(archive);

    TestStores.ingest(temp.resolve("store"), archive);

    Map<Path, byte[]> after = snapshot(archive);
    assertThat(after.keySet()).containsExactlyElementsOf(before.keySet());
    before.forEach((path, bytes) -> {
      assertThat(after.get(path)).as(path.toString()).isEqualTo(bytes);
      try {
        assertThat(Files.getLastModifiedTime(path)).as(path.toString()).isEqualTo(EVIDENCE_TIME);
      } catch (java.io.IOException e) {
        throw new AssertionError(e);
      }
    });
  }

  private static Map<Path, byte[]> snapshot(Path archive) throws Exception {
    Map<Path, byte[]> contents = new TreeMap<>();
    try (Stream<Path> files = Files.walk(archive)) {
      List<Path> regular = files.filter(Files::isRegularFile).toList();
      for (Path file : regular) {
        if (!Files.getLastModifiedTime(file).equals(EVIDENCE_TIME)) {
          Files.setLastModifiedTime(file, EVIDENCE_TIME);
        }
        contents.put(file, Files.readAllBytes(file));
      }
    }
    return contents;
  }
}
