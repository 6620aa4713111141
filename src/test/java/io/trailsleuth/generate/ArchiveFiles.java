package io.trailsleuth.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/** Reads a generated archive back for the tests: file lists, hashes, decompressed content, records. */
final class ArchiveFiles {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private ArchiveFiles() {}

  /** Every file under root by its relative path ("/"-separated), sorted. */
  static List<String> relativePaths(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile).map(file -> root.relativize(file).toString().replace('\\', '/'))
          .sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Relative path to hex SHA-256 of the file's bytes as stored. */
  static TreeMap<String, String> storedHashes(Path root) {
    TreeMap<String, String> hashes = new TreeMap<>();
    for (String relative : relativePaths(root)) {
      hashes.put(relative, sha256(read(root.resolve(relative))));
    }
    return hashes;
  }

  static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The file's content, gunzipped when its name ends in .gz. */
  static byte[] content(Path file) {
    if (!file.getFileName().toString().endsWith(".gz")) {
      return read(file);
    }
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode json(Path file) {
    try {
      return MAPPER.readTree(content(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Relative paths of the log files (not digests). */
  static List<String> logFiles(Path root) {
    return relativePaths(root).stream().filter(path -> path.contains("/CloudTrail/") && path.endsWith(".json.gz"))
        .toList();
  }

  static List<String> digestFiles(Path root) {
    return relativePaths(root).stream().filter(path -> path.contains("/CloudTrail-Digest/")).toList();
  }

  /** Every record of every log file, in file order. */
  static List<JsonNode> records(Path root) {
    List<JsonNode> records = new ArrayList<>();
    for (String logFile : logFiles(root)) {
      json(root.resolve(logFile)).get("Records").forEach(records::add);
    }
    return records;
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
