package io.trailsleuth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.StreamSupport;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tests over the sample archive under two input roots, {@code genuine} and {@code tampered}, the second with a changed
 * copy of the CreateRole record; and the runs and file changes they share.
 */
abstract class TwoRootArchive {
  static final ObjectMapper MAPPER = new ObjectMapper();
  /** The file with the DeleteRole and CreateRole of billing-worker-exec. */
  static final String IAM_FILE = "AWSLogs/o-exampleorg1/111122223333/CloudTrail/us-east-1/2026/03/03/"
      + "111122223333_CloudTrail_us-east-1_20260303T1017Z_KOprCuyFb9EWZztQ.json.gz";
  /** The digest file that lists it. */
  static final String IAM_DIGEST = "AWSLogs/o-exampleorg1/111122223333/CloudTrail-Digest/us-east-1/2026/03/03/"
      + "111122223333_CloudTrail-Digest_us-east-1_org-trail_us-east-1_20260303T110114Z.json.gz";
  static final String CREATE_ROLE = "9d9b867b-7a6b-4020-9126-3802b546aa7b";
  static final String GENUINE_ADDRESS = "\"sourceIPAddress\":\"203.0.113.40\"";
  static final String FORGED_ADDRESS = "\"sourceIPAddress\":\"203.0.113.66\"";

  /** What an investigate run wrote: the findings JSON, the markdown report and the evidence pack's directory. */
  record Run(JsonNode findings, String report, Path pack) {}

  @TempDir
  Path temp;

  Path genuine;
  Path tampered;

  /** Copies the sample archive under both roots and changes the CreateRole's source address in {@code tampered}'s. */
  @BeforeEach
  void copyTheArchiveTwiceAndChangeOneRecordInTheSecondCopy() throws IOException {
    genuine = temp.resolve("genuine");
    tampered = temp.resolve("tampered");
    ArchiveCopies.copyTree(Path.of("sample-logs", "AWSLogs"), genuine.resolve("AWSLogs"));
    ArchiveCopies.copyTree(Path.of("sample-logs", "AWSLogs"), tampered.resolve("AWSLogs"));
    Path file = tampered.resolve(IAM_FILE);
    String text = new String(gunzip(Files.readAllBytes(file)), StandardCharsets.UTF_8);
    int record = text.indexOf("\"eventID\":\"" + CREATE_ROLE + "\"");
    int start = text.lastIndexOf("{\"eventVersion\"", record);
    assertThat(text.substring(start, record)).contains(GENUINE_ADDRESS);
    String changed = text.substring(0, start) + text.substring(start, record).replace(GENUINE_ADDRESS, FORGED_ADDRESS)
        + text.substring(record);
    Files.write(file, gzip(changed.getBytes(StandardCharsets.UTF_8)));
  }

  /** Runs {@code investigate} over the roots with a report, a findings JSON and a pack in a new directory of temp. */
  Run investigate(List<Path> roots) throws IOException {
    Path out = Files.createTempDirectory(temp, "run");
    List<String> arguments = new ArrayList<>(List.of("investigate", "-q"));
    roots.forEach(root -> arguments.add(root.toString()));
    arguments.addAll(List.of("--out", out.resolve("report.md").toString(), "--json", out.resolve("findings.json")
        .toString(), "--evidence", out.resolve("pack").toString()));
    CliRun run = CliRun.of(arguments.toArray(String[]::new));
    assertThat(run.exitCode()).as(run.err()).isZero();
    return new Run(MAPPER.readTree(out.resolve("findings.json").toFile()),
        Files.readString(out.resolve("report.md"), StandardCharsets.UTF_8), out.resolve("pack"));
  }

  /** Rewrites a digest file so that it lists {@code logFile} with another hash (its signature no longer matches). */
  static void forgeDigestHash(Path digest, String logFile, String hash) throws IOException {
    JsonNode parsed = MAPPER.readTree(gunzip(Files.readAllBytes(digest)));
    JsonNode entry = StreamSupport.stream(parsed.path("logFiles").spliterator(), false)
        .filter(file -> file.path("s3Object").asText().equals(logFile)).findFirst().orElseThrow();
    ((ObjectNode) entry).put("hashValue", hash);
    Files.write(digest, gzip(MAPPER.writeValueAsBytes(parsed)));
  }

  static String sha256OnDisk(Path file) throws IOException {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] gunzip(byte[] bytes) throws IOException {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      return in.readAllBytes();
    }
  }

  private static byte[] gzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(buffer)) {
      out.write(bytes);
    }
    return buffer.toByteArray();
  }
}
