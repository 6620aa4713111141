package io.trailsleuth.robustness;

import io.trailsleuth.generate.ArchiveGenerator;
import io.trailsleuth.generate.GenerateOptions;
import io.trailsleuth.generate.Scenario;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** Generated CloudTrail archives for the robustness tests, and rewritten copies of them. */
final class Archives {
  static final Instant START = Instant.parse("2025-03-03T00:00:00Z");

  private Archives() {}

  /** The recreated-role story in an archive of {@code events} records, with digests. */
  static Path recreatedRole(Path out, long events) throws IOException {
    ArchiveGenerator.generate(new GenerateOptions(Scenario.RECREATED_ROLE, 1, events, out, START, 3));
    return out;
  }

  /** The log files (not digests) of an archive. */
  static List<Path> logFiles(Path archive) throws IOException {
    try (Stream<Path> walk = Files.walk(archive)) {
      return walk.filter(p -> p.toString().endsWith(".json.gz") && p.toString().contains("/CloudTrail/")).sorted().toList();
    }
  }

  /** Copies an archive's log files, leaving out digests, with each replacement applied to their JSON text in order. */
  static Path rewrittenLogs(Path archive, Path out, Map<String, String> replacements) throws IOException {
    for (Path log : logFiles(archive)) {
      String text;
      try (InputStream in = new GZIPInputStream(Files.newInputStream(log))) {
        text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      for (Map.Entry<String, String> replacement : replacements.entrySet()) {
        text = text.replace(replacement.getKey(), replacement.getValue());
      }
      Path target = out.resolve(archive.relativize(log).toString());
      Files.createDirectories(target.getParent());
      try (OutputStream gzip = new GZIPOutputStream(Files.newOutputStream(target))) {
        gzip.write(text.getBytes(StandardCharsets.UTF_8));
      }
    }
    return out;
  }
}
