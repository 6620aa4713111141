package io.trailsleuth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Two input roots hold the sample archive, one with a changed copy of the log file that holds the re-creation: the
 * findings cite the copy that matched its digest, whichever root comes first.
 */
final class TwoInputRootsTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  /** The file with the DeleteRole and CreateRole of billing-worker-exec. */
  private static final String IAM_FILE = "AWSLogs/o-exampleorg1/111122223333/CloudTrail/us-east-1/2026/03/03/"
      + "111122223333_CloudTrail_us-east-1_20260303T1017Z_KOprCuyFb9EWZztQ.json.gz";
  /** The digest file that lists it. */
  private static final String IAM_DIGEST = "AWSLogs/o-exampleorg1/111122223333/CloudTrail-Digest/us-east-1/2026/03/03/"
      + "111122223333_CloudTrail-Digest_us-east-1_org-trail_us-east-1_20260303T110114Z.json.gz";
  private static final String CREATE_ROLE = "9d9b867b-7a6b-4020-9126-3802b546aa7b";
  private static final String GENUINE_ADDRESS = "\"sourceIPAddress\":\"203.0.113.40\"";
  private static final String FORGED_ADDRESS = "\"sourceIPAddress\":\"203.0.113.66\"";

  @TempDir
  Path temp;

  private Path genuine;
  private Path tampered;

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

  @ParameterizedTest(name = "tampered root first: {0}")
  @ValueSource(booleans = {true, false})
  void citesTheCopyFromTheDigestVerifiedFileWhicheverRootComesFirst(boolean tamperedFirst) throws IOException {
    Run run = investigate(tamperedFirst ? List.of(tampered, genuine) : List.of(genuine, tampered));

    JsonNode versions = run.findings().path("integrity").path("conflictingDuplicates").get(0).path("versions");
    assertThat(versions).hasSize(2);
    assertThat(versions).filteredOn(v -> v.path("used").asBoolean()).singleElement().satisfies(used -> assertThat(
        used.path("sourceSha256").asText()).isEqualTo(sha256OnDisk(genuine.resolve(IAM_FILE))));
    assertThat(Files.readString(run.pack().resolve("records/" + CREATE_ROLE + ".json"))).contains(GENUINE_ADDRESS)
        .doesNotContain(FORGED_ADDRESS);
    assertThat(evidenceRow(run.report(), CREATE_ROLE)).contains(sha256OnDisk(genuine.resolve(IAM_FILE)))
        .endsWith("| verified |");
    // still listed and still lowering the confidence, but not said to be possibly forged
    assertThat(run.findings().path("integrity").path("conflictingDuplicates").get(0).path("citedBy").get(0)
        .path("effect").asText()).isEqualTo("confidence lowered from confirmed to probable: the evidence has"
            + " conflicting copies, though the version used is from a log file that matched its CloudTrail digest");
    assertThat(run.report()).contains("### Conflicting copies");
  }

  @ParameterizedTest(name = "tampered root first: {0}")
  @ValueSource(booleans = {true, false})
  void namesTheInputRootOfAnAmbiguousPathAndTheReportAndThePackCiteTheSameCopy(boolean tamperedFirst)
      throws IOException {
    Run run = investigate(tamperedFirst ? List.of(tampered, genuine) : List.of(genuine, tampered));

    String genuineSha256 = sha256OnDisk(genuine.resolve(IAM_FILE));
    String cited = "`" + IAM_FILE + " #2` under input root `" + genuine + "`";
    assertThat(evidenceRow(run.report(), CREATE_ROLE)).contains(cited);
    assertThat(run.report()).contains("| **used** | " + cited + " | `" + genuineSha256 + "`",
        "| other | `" + IAM_FILE + " #2` under input root `" + tampered + "` | `"
            + sha256OnDisk(tampered.resolve(IAM_FILE)) + "`");
    // a path only one root's files were read at needs no root
    assertThat(run.report()).doesNotContain("_20260302T0915Z_HdztuFDI33MeHAUj.json.gz #4` under input root");
    JsonNode evidence = run.findings().path("breakages").get(0).path("evidence");
    assertThat(evidence).filteredOn(e -> e.path("eventId").asText().equals(CREATE_ROLE)).singleElement()
        .satisfies(e -> assertThat(e.path("inputRoot").asText()).isEqualTo(genuine.toString()));
    assertThat(evidence).filteredOn(e -> e.path("type").asText().equals("cloudtrail-event"))
        .allSatisfy(e -> assertThat(e.path("inputRoot").isTextual()).isTrue());
    assertThat(Files.readString(run.pack().resolve("SOURCES.sha256")))
        .contains(genuineSha256 + "  " + genuine.resolve(IAM_FILE) + "\n")
        .doesNotContain(tampered.toString());
    assertThat(Files.readString(run.pack().resolve("MANIFEST.sha256")))
        .contains("# source file (under input root " + genuine + "): " + genuineSha256 + "  " + IAM_FILE + "\n");
    assertThat(Files.readString(run.pack().resolve("README.txt"))).contains("Where trailsleuth ran:");
    assertThat(Files.readString(run.pack().resolve("report.md"))).isEqualTo(run.report());
  }

  @Test
  void givesTheSameReportAndPackWhicheverRootComesFirst() throws IOException {
    Run first = investigate(List.of(tampered, genuine));
    Run second = investigate(List.of(genuine, tampered));

    assertThat(withoutCommand(first.report())).isEqualTo(withoutCommand(second.report()));
    assertThat(first.findings()).isEqualTo(second.findings());
    for (String file : List.of("SOURCES.sha256", "records/" + CREATE_ROLE + ".json", "findings.json")) {
      assertThat(first.pack().resolve(file)).hasSameTextualContentAs(second.pack().resolve(file));
    }
  }

  @Test
  void escapesAnInputRootNameThatHoldsMarkdownAndHtml() throws IOException {
    Path hostile = Files.move(tampered, temp.resolve("copy `x` | <b>y"));

    Run run = investigate(List.of(hostile, genuine));

    assertThat(run.report()).contains("under input root `" + temp + "/copy ˋxˋ \\| <b>y`")
        .doesNotContain("`x`");
    JsonNode versions = run.findings().path("integrity").path("conflictingDuplicates").get(0).path("versions");
    assertThat(versions).extracting(v -> v.path("inputRoot").asText()).contains(hostile.toString());
  }

  @Test
  void namesTheInputRootOfSnapshotItemsWhenTwoRootsHoldDifferentFilesAtOnePath() throws IOException {
    Path first = temp.resolve("collected-first");
    Path second = temp.resolve("collected-second");
    Run run = investigateCollectedTwice(first, second, "kms-list-grants-payments-api.json");

    List<String> grantRows = run.report().lines().filter(line -> line.startsWith("| kms-list-grants | ")).toList();
    assertThat(grantRows).hasSize(2).anySatisfy(row -> assertThat(row)
        .contains("`kms-list-grants-payments-api.json #0` under input root `" + first + "`"))
        .anySatisfy(row -> assertThat(row)
            .contains("`kms-list-grants-payments-api.json #0` under input root `" + second + "`"));
    // the other files are the same under both roots: read once, cited by path alone
    assertThat(run.report()).contains("| iam-role | `iam-get-role-payments-api-exec.json #0` | ");
    JsonNode items = run.findings().path("breakages").get(0).path("evidence");
    assertThat(items).filteredOn(item -> item.path("type").asText().equals("snapshot-item")).isNotEmpty()
        .allSatisfy(item -> assertThat(item.path("inputRoot").asText()).isIn(first.toString(), second.toString()));
  }

  @Test
  void namesTheInputRootOfSnapshotFilesInTheFunctionSectionWhenTwoRootsHoldDifferentFilesAtOnePath()
      throws IOException {
    Path first = temp.resolve("collected-first");
    Path second = temp.resolve("collected-second");
    Run run = investigateCollectedTwice(first, second, "iam-get-role-payments-api-exec.json");

    String role = "`iam-get-role-payments-api-exec.json #0` under input root `";
    assertThat(run.report().lines().filter(line -> line.startsWith("- Known from iam-role ")).toList()).hasSize(2)
        .anySatisfy(line -> assertThat(line).startsWith("- Known from iam-role " + role + first + "`: "))
        .anySatisfy(line -> assertThat(line).startsWith("- Known from iam-role " + role + second + "`: "));
    // the same item under both roots: the timeline's re-creation row names one of them
    assertThat(run.report().lines().filter(line -> line.contains("| Role created \\(CreateDate in IAM CLI output"))
        .toList()).singleElement().satisfies(row -> assertThat(row).containsAnyOf(
            "from iam-get-role-payments-api-exec.json #0 under input root " + first + " \\(a CLI output",
            "from iam-get-role-payments-api-exec.json #0 under input root " + second + " \\(a CLI output"));
    assertThat(run.report()).contains("  - snapshot iam-role: `iam-get-role-payments-api-exec.json` under input root `"
        + first + "` (1 item", "  - snapshot iam-role: `iam-get-role-payments-api-exec.json` under input root `"
        + second + "` (1 item");
    // a file that is the same under both roots was read once and is cited by path alone
    assertThat(run.report()).contains("- Known from kms-list-grants `kms-list-grants-payments-api.json #0`: ",
        "  - snapshot kms-list-grants: `kms-list-grants-payments-api.json` (1 item");
  }

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
      try (java.util.stream.Stream<Path> files = Files.walk(root)) {
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

  @ParameterizedTest(name = "tampered root first: {0}")
  @ValueSource(booleans = {true, false})
  void timelineNamesTheSourceFileUnderItsInputRootWhereTwoRootsHoldDifferentFilesAtItsPath(boolean tamperedFirst)
      throws IOException {
    Path store = temp.resolve("store");
    List<Path> roots = tamperedFirst ? List.of(tampered, genuine) : List.of(genuine, tampered);
    assertThat(CliRun.of("ingest", "-q", roots.get(0).toString(), roots.get(1).toString(), "--store",
        store.toString()).exitCode()).isZero();

    CliRun timeline = CliRun.of("timeline", "--store", store.toString(), "--format", "jsonl");

    assertThat(timeline.exitCode()).as(timeline.err()).isZero();
    List<JsonNode> rows = new ArrayList<>();
    for (String line : timeline.out().lines().toList()) {
      rows.add(MAPPER.readTree(line));
    }
    JsonNode created = rows.stream().filter(row -> row.path("event_id").asText().equals(CREATE_ROLE)).findFirst()
        .orElseThrow();
    // the file named is the copy the stored version was read from
    String stored = CliRun.of("query", "--store", store.toString(), "--format", "csv",
        "select source_sha256 from events where event_id = '" + CREATE_ROLE + "'").out().lines().toList().get(1);
    assertThat(created.path("source_file").asText()).isIn(genuine.resolve(IAM_FILE).toString(),
        tampered.resolve(IAM_FILE).toString());
    assertThat(sha256OnDisk(Path.of(created.path("source_file").asText()))).isEqualTo(stored);
    // a path only one root's files were read at keeps its relative path
    assertThat(rows).filteredOn(row -> !row.path("source_file").asText().endsWith(IAM_FILE)).isNotEmpty()
        .allSatisfy(row -> assertThat(row.path("source_file").asText()).startsWith("AWSLogs/"));
  }

  private record Run(JsonNode findings, String report, Path pack) {}

  private Run investigate(List<Path> roots) throws IOException {
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

  /**
   * Investigates the regional download with its collected snapshot files under two roots, {@code first} and
   * {@code second} (given second first), where {@code second}'s copy of {@code changedFile} has one more byte.
   */
  private Run investigateCollectedTwice(Path first, Path second, String changedFile) throws IOException {
    Path collected = Path.of("sample-logs", "regional-download", "collected");
    ArchiveCopies.copyTree(collected, first);
    ArchiveCopies.copyTree(collected, second);
    Files.writeString(second.resolve(changedFile), "\n", StandardOpenOption.APPEND);
    return investigate(List.of(Path.of("sample-logs", "regional-download", "AWSLogs"), second, first));
  }

  /** The report's Evidence table row of an event. */
  private static String evidenceRow(String report, String eventId) {
    String table = report.substring(report.indexOf("\n## Evidence\n"));
    return table.lines().filter(line -> line.startsWith("| `" + eventId + "`")).findFirst().orElseThrow();
  }

  /** The report without its command line, which names the roots in the order given. */
  private static String withoutCommand(String report) {
    return report.lines().filter(line -> !line.startsWith("- Command: ")).reduce("", (a, b) -> a + b + "\n");
  }

  /** Rewrites a digest file so that it lists {@code logFile} with another hash (its signature no longer matches). */
  private static void forgeDigestHash(Path digest, String logFile, String hash) throws IOException {
    JsonNode parsed = MAPPER.readTree(gunzip(Files.readAllBytes(digest)));
    JsonNode entry = java.util.stream.StreamSupport.stream(parsed.path("logFiles").spliterator(), false)
        .filter(file -> file.path("s3Object").asText().equals(logFile)).findFirst().orElseThrow();
    ((com.fasterxml.jackson.databind.node.ObjectNode) entry).put("hashValue", hash);
    Files.write(digest, gzip(MAPPER.writeValueAsBytes(parsed)));
  }

  private static String sha256OnDisk(Path file) throws IOException {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(Files.readAllBytes(file)));
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
