package io.trailsleuth.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailsleuth.cli.CliRun;
import io.trailsleuth.integrity.TrailBucket;
import io.trailsleuth.query.ResultTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report's advice to download missing log files: the trail's layout as the paths read show it (an organisation
 * trail's {@code o-…} path), only the day prefixes of the window the gap is about, and arguments no path or name can
 * unquote.
 */
class LogDownloadAdviceTest {
  private static final String ORG_ACCOUNT_PREFIX = "AWSLogs/o-exampleorg1/111122223333/CloudTrail/us-east-1/";

  @TempDir
  Path temp;

  @Test
  void organisationTrailAdviceSyncsTheRecreationDayUnderTheOrganisationPath() throws Exception {
    // the walkthrough's case: the org archive narrowed to one region, so the IAM events (us-east-1) are missing
    Path report = temp.resolve("report.md");
    CliRun run = CliRun.of("investigate", "sample-logs/AWSLogs", "--account", "111122223333",
        "--region", "eu-west-1", "-q", "--out", report.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();

    List<String> syncs = Files.readString(report, StandardCharsets.UTF_8).lines()
        .filter(line -> line.contains("aws s3 sync")).toList();

    // the role was deleted at 10:14:06 and re-created at 10:14:10 on 2026-03-03 (sample-logs/REPORT.md); the
    // archive's digests name the bucket they were written to
    assertThat(syncs).containsExactly("aws s3 sync 's3://aws-cloudtrail-logs-example/" + ORG_ACCOUNT_PREFIX
        + "2026/03/03/' './" + ORG_ACCOUNT_PREFIX + "2026/03/03/'   # IAM is global: its events are in the us-east-1 "
        + "log files of the days the role was deleted and re-created; the bucket and key prefix are those the digest "
        + "files read name: check that they are your trail's");
    assertThat(Files.readString(report, StandardCharsets.UTF_8))
        .contains("Collect its `us-east-1` log files (`" + ORG_ACCOUNT_PREFIX + "` for the incident window)")
        // --region left that day's us-east-1 files out of the run: the advice says so before the download
        .contains("\n# the inputs already hold us-east-1 log files of 111122223333 for 2026/03/03, left out by the "
            + "scope options (--account, --region, --since, --until): run again without them before downloading\n"
            + "aws s3 sync ");
  }

  @Test
  void layoutComesFromTheAccountsOwnPathsElseFromTheOrganisationOfTheOthers() {
    ResultTable sources = new ResultTable(List.of("input_root", "source_file"), List.of(
        List.of("/cases/42/AWSLogs", "o-abcdefghij/111122223333/CloudTrail/eu-west-1/2026/03/02/"
            + "111122223333_CloudTrail_eu-west-1_20260302T1025Z_Ab12Cd34Ef56Gh78.json.gz"),
        List.of("own-trail", "AWSLogs/444455556666/CloudTrail/eu-central-1/2026/03/02/"
            + "444455556666_CloudTrail_eu-central-1_20260302T1025Z_Ab12Cd34Ef56Gh78.json.gz"),
        List.of("lookup", "events.json"),
        // the directory's account differs from the file name's: not a path CloudTrail writes
        List.of("odd", "AWSLogs/o-zzzzzzzzzz/777788889999/CloudTrail/eu-west-1/2026/03/02/"
            + "999999999999_CloudTrail_eu-west-1_20260302T1025Z_Ab12Cd34Ef56Gh78.json.gz"),
        // an input root under a directory named AWSLogs: the layout starts at the later AWSLogs segment
        List.of("/mnt/AWSLogs/2025-copy", "AWSLogs/222233334444/CloudTrail/us-east-1/2026/03/02/"
            + "222233334444_CloudTrail_us-east-1_20260302T1025Z_Ab12Cd34Ef56Gh78.json.gz"),
        // AWSLogs/ inside a directory's name is not a segment of its own
        List.of("renamed", "oldAWSLogs/555566667777/CloudTrail/us-east-1/2026/03/02/"
            + "555566667777_CloudTrail_us-east-1_20260302T1025Z_Ab12Cd34Ef56Gh78.json.gz")));
    TrailLayouts layouts = layouts(sources, List.of());

    assertThat(layouts.forAccount("111122223333"))
        .isEqualTo(new TrailLayouts.Layout(List.of("o-abcdefghij"), TrailLayouts.Shown.ACCOUNT_FILES));
    assertThat(layouts.forAccount("444455556666"))
        .isEqualTo(new TrailLayouts.Layout(List.of(""), TrailLayouts.Shown.ACCOUNT_FILES));
    assertThat(layouts.forAccount("777788889999"))
        .isEqualTo(new TrailLayouts.Layout(List.of("o-abcdefghij"), TrailLayouts.Shown.OTHER_ACCOUNTS));
    assertThat(layouts.forAccount("222233334444"))
        .isEqualTo(new TrailLayouts.Layout(List.of(""), TrailLayouts.Shown.ACCOUNT_FILES));
    assertThat(layouts.forAccount("555566667777").shown()).isEqualTo(TrailLayouts.Shown.OTHER_ACCOUNTS);
    assertThat(layouts(new ResultTable(List.of("input_root", "source_file"), List.of(List.of("lookup",
        "events.json"))), List.of()).forAccount("111122223333"))
        .isEqualTo(new TrailLayouts.Layout(List.of(""), TrailLayouts.Shown.NOTHING));
  }

  @Test
  void bucketIsTheOneTheDigestsNameForTheAccountElseForItsOrganisation() {
    ResultTable sources = new ResultTable(List.of("input_root", "source_file"), List.of(
        List.of("logs", "AWSLogs/o-abcdefghij/111122223333/CloudTrail/eu-west-1/2026/03/02/"
            + "111122223333_CloudTrail_eu-west-1_20260302T1025Z_Ab12Cd34Ef56Gh78.json.gz"),
        List.of("logs", "AWSLogs/444455556666/CloudTrail/eu-west-1/2026/03/02/"
            + "444455556666_CloudTrail_eu-west-1_20260302T1025Z_Ab12Cd34Ef56Gh78.json.gz")));
    TrailLayouts layouts = layouts(sources, List.of(
        new TrailBucket("999999999999", "o-abcdefghij", "org-trail-bucket", "cloudtrail"),
        new TrailBucket("444455556666", "", "own-bucket", ""),
        new TrailBucket("444455556666", "", "other-bucket", "")));

    assertThat(layouts.locations(layouts.forAccount("111122223333"), "111122223333", "us-east-1")).containsExactly(
        new TrailLayouts.Location("org-trail-bucket/cloudtrail", "AWSLogs/o-abcdefghij/111122223333/CloudTrail/us-east-1/"));
    // two buckets named for the account: neither is taken
    assertThat(layouts.locations(layouts.forAccount("444455556666"), "444455556666", "us-east-1")).containsExactly(
        new TrailLayouts.Location(null, "AWSLogs/444455556666/CloudTrail/us-east-1/"));
  }

  @Test
  void unknownLayoutKeepsTheBucketPlaceholderAndNamesTheOrganisationPath() {
    List<String> commands = LogDownload.commands(layouts(new ResultTable(List.of("input_root", "source_file"),
        List.of()), List.of()), "111122223333", "us-east-1", Instant.parse("2026-03-03T10:02:28Z"), Instant.parse("2026-03-03T10:20:14Z"), "why");

    assertThat(commands).containsExactly("aws s3 sync "
        + "'s3://TRAIL_BUCKET/AWSLogs/111122223333/CloudTrail/us-east-1/2026/03/03/' "
        + "'./AWSLogs/111122223333/CloudTrail/us-east-1/2026/03/03/'   # why; replace TRAIL_BUCKET with the trail's "
        + "bucket (and its key prefix, if it has one); an organisation trail writes under AWSLogs/o-ORGANIZATION_ID/ "
        + "instead");
  }

  @Test
  void daysRunFromTheWindowsStartToTheDeliveryDayOfItsEnd() {
    assertThat(LogDownload.days(Instant.parse("2026-02-27T23:10:00Z"), Instant.parse("2026-03-01T23:30:00Z")))
        .containsExactly("2026/02/27", "2026/02/28", "2026/03/01", "2026/03/02");
    assertThat(LogDownload.days(Instant.parse("2026-03-01T00:10:00Z"), Instant.parse("2026-03-01T22:00:00Z")))
        .containsExactly("2026/03/01");
  }

  @Test
  void shellReceivesEachArgumentIntactWhateverTheDigestsKeyPrefixSays() throws Exception {
    String hostile = "p'; touch pwned; echo '$(id)`x`\"$HOME\"\n#";
    TrailLayouts layouts = layouts(new ResultTable(List.of("input_root", "source_file"), List.of()),
        List.of(new TrailBucket("111122223333", "", "case-bucket", hostile)));
    List<String> commands = LogDownload.commands(layouts, "111122223333", "us-east-1",
        Instant.parse("2026-03-02T10:00:00Z"), Instant.parse("2026-03-03T10:00:00Z"), "why");

    assertThat(commands).hasSize(1).allMatch(command -> !command.contains("`") && !command.contains("\n"));
    String prefix = "AWSLogs/111122223333/CloudTrail/us-east-1/";
    String source = "s3://case-bucket/" + hostile.replace('`', '?').replace('\n', '?') + "/" + prefix;
    assertThat(asShellArguments(commands.get(0))).isEqualTo(source + "2026/03/02/\n./" + prefix + "2026/03/02/\n"
        + source + "2026/03/03/\n./" + prefix + "2026/03/03/\n");
    assertThat(temp.resolve("pwned")).doesNotExist();
  }

  @Test
  void accountIdFromTheLogsStaysOnePathSegment() throws Exception {
    List<String> commands = LogDownload.commands(layouts(new ResultTable(List.of("input_root", "source_file"),
        List.of()), List.of()), "../../x'y", "us-east-1", Instant.parse("2026-03-02T10:00:00Z"),
        Instant.parse("2026-03-02T11:00:00Z"), "why");

    assertThat(asShellArguments(commands.get(0))).isEqualTo("s3://TRAIL_BUCKET/AWSLogs/______x_y/CloudTrail/us-east-1/"
        + "2026/03/02/\n./AWSLogs/______x_y/CloudTrail/us-east-1/2026/03/02/\n");
  }

  /** What bash passes to {@code aws s3 sync} when it runs the command: each argument on a line. */
  private String asShellArguments(String command) throws IOException, InterruptedException {
    Process bash = new ProcessBuilder("bash", "-c", command.replace("aws s3 sync", "printf '%s\\n'"))
        .directory(temp.toFile()).redirectErrorStream(true).start();
    String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(bash.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(bash.exitValue()).as(output).isZero();
    return output;
  }

  /** The layouts of source rows (input root, path under it, and optionally SHA-256 and status), as the report reads them. */
  private static TrailLayouts layouts(ResultTable sources, List<TrailBucket> buckets) {
    TrailLayouts.Builder builder = new TrailLayouts.Builder();
    for (List<String> row : sources.rows()) {
      builder.add(row.get(0), row.get(1), row.size() > 3 ? row.get(3) : null);
    }
    return builder.build().withBuckets(buckets);
  }
}
