package io.trailsleuth.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes {@code MANIFEST.sha256} in the format {@code sha256sum -c} checks: one line per file of the pack, sorted by
 * path, then the source files as comment lines (which {@code sha256sum} skips), so the manifest also fixes them.
 */
final class PackManifest {
  static final String NAME = "MANIFEST.sha256";

  private PackManifest() {}

  /** Writes the manifest over every file under {@code pack} but itself. */
  static void write(Path pack, List<String> sourceComments) throws IOException {
    StringBuilder out = new StringBuilder();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(pack)) {
      files = walk.filter(Files::isRegularFile).filter(p -> !p.equals(pack.resolve(NAME)))
          .sorted((left, right) -> relative(pack, left).compareTo(relative(pack, right))).toList();
    }
    for (Path file : files) {
      out.append(sha256(file)).append("  ").append(relative(pack, file)).append('\n');
    }
    sourceComments.forEach(comment -> out.append(comment).append('\n'));
    Files.writeString(pack.resolve(NAME), out, StandardCharsets.UTF_8);
  }

  private static String relative(Path pack, Path file) {
    return pack.relativize(file).toString().replace('\\', '/');
  }

  static String sha256(Path file) throws IOException {
    MessageDigest digest = SourceRecordReader.sha256();
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
