package io.trailsleuth.integrity;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailsleuth.ingest.JsonSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** CloudTrail's digest-signing public keys, as exported by {@code aws cloudtrail list-public-keys}. */
public record PublicKeys(List<Entry> entries) {
  /**
   * One key.
   *
   * @param fingerprint the hex fingerprint digests name it by, lower case
   * @param key the decoded key; empty when its Value could not be decoded
   * @param validityStart ValidityStartTime, when given
   * @param validityEnd ValidityEndTime, when given
   */
  public record Entry(String fingerprint, Optional<PublicKey> key, Optional<Instant> validityStart,
      Optional<Instant> validityEnd) {
    public Entry {
      requireNonNull(fingerprint, "fingerprint is null");
      requireNonNull(key, "key is null");
      requireNonNull(validityStart, "validityStart is null");
      requireNonNull(validityEnd, "validityEnd is null");
    }
  }

  public PublicKeys {
    entries = List.copyOf(entries);
  }

  /** Reads the {"PublicKeyList":[{"Value","Fingerprint","ValidityStartTime","ValidityEndTime"}]} JSON file. */
  public static PublicKeys load(Path file) throws IOException {
    JsonNode list;
    try (InputStream in = Files.newInputStream(file)) {
      list = JsonSettings.mapper().readTree(in).path("PublicKeyList");
    }
    if (!list.isArray()) {
      throw new IOException(file + " has no PublicKeyList; expected the output of 'aws cloudtrail list-public-keys'");
    }
    List<Entry> entries = new ArrayList<>();
    for (JsonNode item : list) {
      entries.add(new Entry(item.path("Fingerprint").asText("").toLowerCase(Locale.ROOT),
          decode(item.path("Value").asText("")), time(item.path("ValidityStartTime")),
          time(item.path("ValidityEndTime"))));
    }
    return new PublicKeys(entries);
  }

  /** The key with this fingerprint, ignoring case. */
  public Optional<Entry> find(String fingerprint) {
    return entries.stream().filter(entry -> entry.fingerprint().equalsIgnoreCase(fingerprint)).findFirst();
  }

  /** Decodes base64 DER: a SubjectPublicKeyInfo, or the PKCS#1 RSAPublicKey that CloudTrail publishes. */
  static Optional<PublicKey> decode(String base64) {
    byte[] der;
    try {
      der = Base64.getMimeDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    for (byte[] candidate : List.of(der, RsaKeyEncoding.subjectPublicKeyInfo(der))) {
      try {
        return Optional.of(KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(candidate)));
      } catch (GeneralSecurityException e) {
        // try the next encoding
      }
    }
    return Optional.empty();
  }

  private static Optional<Instant> time(JsonNode node) {
    if (node.isNumber()) {
      return Optional.of(Instant.ofEpochMilli(Math.round(node.asDouble() * 1000)));
    }
    try {
      return node.isTextual() ? Optional.of(Instant.parse(node.asText())) : Optional.empty();
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
