package io.trailsleuth.integrity;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailsleuth.ingest.JsonSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Digest signatures (S3 metadata x-amz-meta-signature, hex) exported with the archive, keyed by digest S3 key. */
public record Signatures(Map<String, String> byKey) {
  public Signatures {
    byKey = Collections.unmodifiableMap(new TreeMap<>(byKey));
  }

  /**
   * Reads a JSON object mapping each digest's S3 key to its hex signature. A value may also be the
   * {@code aws s3api head-object} output, whose Metadata.signature is used.
   */
  public static Signatures load(Path file) throws IOException {
    JsonNode root;
    try (InputStream in = Files.newInputStream(file)) {
      root = JsonSettings.mapper().readTree(in);
    }
    if (root == null || !root.isObject()) {
      throw new IOException(file + " is not a JSON object mapping digest S3 keys to x-amz-meta-signature values");
    }
    Map<String, String> byKey = new TreeMap<>();
    for (Map.Entry<String, JsonNode> field : root.properties()) {
      JsonNode value = field.getValue();
      String signature = value.isTextual() ? value.asText() : value.path("Metadata").path("signature").asText("");
      byKey.put(field.getKey(), signature.strip());
    }
    return new Signatures(byKey);
  }

  /** The signature of a digest, by its recorded key (also as bucket/key or s3://bucket/key), or by key suffix. */
  Optional<String> find(Digest digest) {
    String key = digest.s3Object().isEmpty() ? digest.relativePath() : digest.s3Object();
    for (String candidate : List.of(key, digest.bucket() + "/" + key, "s3://" + digest.bucket() + "/" + key)) {
      if (byKey.containsKey(candidate)) {
        return Optional.of(byKey.get(candidate));
      }
    }
    return byKey.entrySet().stream()
        .filter(entry -> S3Keys.sameObject(key, entry.getKey()))
        .map(Map.Entry::getValue).findFirst();
  }
}
