package io.trailsleuth.spark;

import io.trailsleuth.generate.ArchiveGenerator;
import io.trailsleuth.generate.GenerateOptions;
import io.trailsleuth.generate.Scenario;
import io.trailsleuth.pipeline.TestStores;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A generated archive (the recreated-role story, with digests) plus everything that makes an ingest hard: every
 * export shape of the fixtures (the same events in several shapes), a log file under a second name and under a second
 * root, a truncated gzip, a file that stops being JSON part-way, a gzip name on garbage and an empty file.
 */
final class MixedArchive {
  static final Instant START = Instant.parse("2025-03-03T00:00:00Z");
  private static final List<String> SHAPES = List.of("bare-array", "cloudwatch-export", "concatenated", "config",
      "digest", "eventbridge", "json-lines", "lookup-event-lines", "lookup-events", "no-event-id", "other-json",
      "single-record", "trail-records");

  private MixedArchive() {}

  /** Writes the archive under {@code root} and a second root holding a byte-identical copy of one log file. */
  static void write(Path root, Path secondRoot, long events) throws IOException {
    ArchiveGenerator.generate(new GenerateOptions(Scenario.RECREATED_ROLE, 3, events, root.resolve("trail"), START, 2));
    for (String shape : SHAPES) {
      copyTree(TestStores.fixture(shape), root.resolve("exports").resolve(shape));
    }
    List<Path> logs = logFiles(root);
    Path first = logs.get(0);
    Path second = logs.get(1);
    Files.copy(first, root.resolve("exports/renamed-copy.json.gz"));
    Path sameName = secondRoot.resolve(root.relativize(first).toString());
    Files.createDirectories(sameName.getParent());
    Files.copy(first, sameName);
    byte[] gzip = Files.readAllBytes(second);
    Files.createDirectories(root.resolve("damaged"));
    Files.write(root.resolve("damaged/truncated.json.gz"), Arrays.copyOf(gzip, gzip.length / 2));
    String json = text(logs.get(2));
    Files.writeString(root.resolve("damaged/broken-midway.json"), json.substring(0, json.length() * 2 / 3) + "}}not json",
        StandardCharsets.UTF_8);
    Files.write(root.resolve("damaged/garbage.json.gz"), "this is not gzip and not JSON".getBytes(StandardCharsets.UTF_8));
    Files.write(root.resolve("damaged/empty.json"), new byte[0]);
  }

  /** Adds files to an archive already ingested: new events in a new log file, and one more copy of an old one. */
  static void grow(Path root) throws IOException {
    List<Path> logs = logFiles(root);
    String json = text(logs.get(3)).replaceAll("\"eventID\":\"", "\"eventID\":\"grown-");
    Path added = root.resolve("grown/added.json.gz");
    Files.createDirectories(added.getParent());
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(added))) {
      out.write(json.getBytes(StandardCharsets.UTF_8));
    }
    Files.copy(logs.get(4), root.resolve("grown/old-copy.json.gz"));
  }

  /** The generated log files, in path order. */
  static List<Path> logFiles(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root.resolve("trail"))) {
      return walk.filter(p -> p.toString().endsWith(".json.gz") && p.toString().contains("/CloudTrail/")).sorted().toList();
    }
  }

  private static String text(Path gzipFile) throws IOException {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(gzipFile))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path path : walk.filter(Files::isRegularFile).toList()) {
        Path target = to.resolve(from.relativize(path).toString());
        Files.createDirectories(target.getParent());
        Files.copy(path, target);
      }
    }
  }
}
