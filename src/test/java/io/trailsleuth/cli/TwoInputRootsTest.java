package io.trailsleuth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailsleuth.query.AnalysisViews;
import io.trailsleuth.store.CaseStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Two input roots hold the sample archive, one with a changed copy of the log file that holds the re-creation: the
 * findings cite the copy that matched its digest, whichever root comes first.
 */
final class TwoInputRootsTest extends TwoRootArchive {
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
  void namesTheInputRootOfEachListedSnapshotFileWhenTwoRootsHoldDifferentFilesAtOnePath() throws IOException {
    Path first = temp.resolve("collected-first");
    Path second = temp.resolve("collected-second");
    Run run = investigateCollectedTwice(first, second, "kms-list-grants-payments-api.json");

    JsonNode snapshots = run.findings().path("snapshots");
    assertThat(snapshots).filteredOn(file -> file.path("file").asText().equals("kms-list-grants-payments-api.json"))
        .extracting(file -> file.path("sha256").asText(), file -> file.path("inputRoot").asText())
        .containsExactlyInAnyOrder(
            Tuple.tuple(sha256OnDisk(first.resolve("kms-list-grants-payments-api.json")),
                first.toString()),
            Tuple.tuple(sha256OnDisk(second.resolve("kms-list-grants-payments-api.json")),
                second.toString()));
    // a file that is the same under both roots was read once and names the root it was read under: the first by
    // name, though the roots were given second, then first
    assertThat(snapshots).hasSizeGreaterThan(2)
        .filteredOn(file -> !file.path("file").asText().equals("kms-list-grants-payments-api.json"))
        .allSatisfy(file -> assertThat(file.path("inputRoot").asText()).isEqualTo(first.toString()));
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

  @Test
  void theLookupOfSomePathsGivesTheRowsOfTheViewOfEveryFileForThosePaths() throws Exception {
    Path store = temp.resolve("store");
    CliRun run = CliRun.of("ingest", "-q", genuine.toString(), tampered.toString(), "--store", store.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    try (Connection connection = CaseStore.connect(CaseStore.openExisting(store));
        Statement statement = connection.createStatement()) {
      AnalysisViews.installMaterialized(connection);
      String every = "SELECT * FROM source_copies_at((SELECT list(DISTINCT source_file) FROM sources))";
      String one = "SELECT * FROM source_copies_at(['" + IAM_FILE + "'])";

      assertThat(count(statement, "SELECT * FROM source_copies")).isGreaterThan(2);
      assertThat(count(statement, "SELECT * FROM source_copies EXCEPT ALL " + every)).isZero();
      assertThat(count(statement, every + " EXCEPT ALL SELECT * FROM source_copies")).isZero();
      assertThat(count(statement, "SELECT * FROM source_copies WHERE source_file = '" + IAM_FILE + "' AND path_ambiguous"
          + " EXCEPT ALL " + one)).isZero();
      assertThat(count(statement, one)).isEqualTo(2);
    }
  }

  private static long count(Statement statement, String query) throws SQLException {
    try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM (" + query + ")")) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
