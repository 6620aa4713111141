package io.trailsleuth.cli;

import static io.trailsleuth.pipeline.TestStores.copy;
import static io.trailsleuth.pipeline.TestStores.count;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --account, --region, --since and --until leave log files out by name, and the report says the analysis was narrowed. */
final class ScopedIngestTest {
  private static final String KEPT = "AWSLogs/111122223333/CloudTrail/us-east-1/2025/03/03/"
      + "111122223333_CloudTrail_us-east-1_20250303T1005Z_Aa11.json";
  private static final String OTHER_ACCOUNT = "AWSLogs/444455556666/CloudTrail/us-east-1/2025/03/03/"
      + "444455556666_CloudTrail_us-east-1_20250303T1005Z_Bb22.json";
  private static final String OTHER_REGION = "AWSLogs/111122223333/CloudTrail/eu-west-1/2025/03/03/"
      + "111122223333_CloudTrail_eu-west-1_20250303T1005Z_Cc33.json";

  @TempDir
  Path temp;

  private Path archive;

  @BeforeEach
  void archive() throws Exception {
    archive = temp.resolve("archive");
    copy("trail-records/compact.json", archive, KEPT);
    copy("trail-records/pretty.json", archive, OTHER_ACCOUNT);
    copy("bare-array/records.json", archive, OTHER_REGION);
  }

  @Test
  void readsOnlyTheAskedAccountAndRegionAndSaysSoInTheReport() throws Exception {
    Path report = temp.resolve("report.md");
    Path findings = temp.resolve("findings.json");
    Path store = temp.resolve("store");

    CliRun run = CliRun.of("investigate", "-q", archive.toString(), "--store", store.toString(),
        "--account", "111122223333", "--region", "us-east-1", "--out", report.toString(), "--json", findings.toString());

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
    assertThat(run.out()).contains("files:      3 found = 1 read this run + 2 out of scope");
    assertThat(count(store, "SELECT count(*) FROM sources WHERE status = 'out-of-scope'")).isEqualTo(2);
    assertThat(count(store, "SELECT count(*) FROM events WHERE source_file <> ?", KEPT)).isZero();
    assertThat(Files.readString(report)).contains("**Narrowed:** 2 CloudTrail log file(s) were not read");
    assertThat(new ObjectMapper().readTree(findings.toFile()).path("coverage").path("outOfScopeFiles").asLong()).isEqualTo(2);
  }

  @Test
  void readsTheLeftOutFilesWhenALaterIngestWidensTheScope() throws Exception {
    Path store = temp.resolve("store");
    CliRun.of("ingest", "-q", archive.toString(), "--store", store.toString(), "--region", "us-east-1");

    CliRun wider = CliRun.of("ingest", "-q", archive.toString(), "--store", store.toString());

    assertThat(wider.exitCode()).as(wider.err()).isEqualTo(ExitCode.OK);
    assertThat(wider.out()).contains("3 found = 1 read this run + 2 not read again");
    assertThat(count(store, "SELECT count(DISTINCT source_file) FROM sources WHERE status = 'ingested'")).isEqualTo(3);
    assertThat(count(store, "SELECT count(*) FROM sources WHERE status = 'out-of-scope'"))
        .as("the first run's manifest still says what it left out").isEqualTo(1);
  }

  @Test
  void exitsWithNothingReadWhenTheScopeLeavesOutEveryFile() {
    CliRun run = CliRun.of("ingest", "-q", archive.toString(), "--store", temp.resolve("store").toString(),
        "--since", "2025-03-04T00:00:00Z");

    assertThat(run.exitCode()).isEqualTo(ExitCode.NOTHING_READ);
  }

  @Test
  void refusesAnAccountThatIsNotTwelveDigits() {
    CliRun run = CliRun.of("ingest", "-q", archive.toString(), "--store", temp.resolve("store").toString(),
        "--account", "prod");

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("--account must be a 12-digit AWS account ID, not 'prod'");
  }
}
