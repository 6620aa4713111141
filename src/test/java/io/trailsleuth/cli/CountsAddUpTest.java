package io.trailsleuth.cli;

import static io.trailsleuth.pipeline.TestStores.copy;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every breakdown the console and the report print adds up to the total it follows. */
final class CountsAddUpTest {
  private static final Pattern FOUND = Pattern.compile(
      "files: +(\\d+) found = (\\d+) read this run(?: \\+ (\\d+) out of scope[^+]*)? \\+ (\\d+) not read again");
  private static final Pattern READ = Pattern.compile(" {2}of the (\\d+) read: (.+)");
  private static final Pattern REPORT_FILES = Pattern.compile(
      "- Files: (\\d+) read = (\\d+) read for CloudTrail events .* \\+ (\\d+) skipped .* \\+ (\\d+) read as snapshot evidence");
  private static final Pattern VERIFY_FOUND = Pattern.compile(
      "log files found: +(\\d+) = (\\d+) verified \\+ (\\d+) tampered \\+ (\\d+) unlisted");

  @TempDir
  Path temp;

  @Test
  void ingestAndReportFileCountsAddUpWithFilesOutOfScopeSkippedAndRejected() throws Exception {
    Path archive = temp.resolve("archive");
    copy("trail-records/compact.json", archive, "AWSLogs/111122223333/CloudTrail/us-east-1/2025/03/03/"
        + "111122223333_CloudTrail_us-east-1_20250303T1005Z_Aa11.json");
    copy("bare-array/records.json", archive, "AWSLogs/111122223333/CloudTrail/eu-west-1/2025/03/03/"
        + "111122223333_CloudTrail_eu-west-1_20250303T1005Z_Cc33.json");
    copy("other-json/s3-list-objects.json", archive, "listing.json");
    Files.writeString(archive.resolve("broken.json"), "{\"Records\":[{\"eventTime\": oops");
    Path report = temp.resolve("report.md");

    CliRun run = CliRun.of("investigate", "-q", archive.toString(), "--region", "us-east-1", "--out", report.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    Matcher found = find(FOUND, run.out());
    assertThat(number(found, 1)).isEqualTo(4);
    assertThat(number(found, 2) + number(found, 3) + number(found, 4)).isEqualTo(number(found, 1));
    Matcher read = find(READ, run.out());
    assertThat(number(read, 1)).isEqualTo(number(found, 2)).isEqualTo(3);
    assertThat(Arrays.stream(read.group(2).split(" \\+ ")).mapToLong(part -> Long.parseLong(part.split(" ")[0])).sum())
        .isEqualTo(number(read, 1));
    Matcher files = find(REPORT_FILES, Files.readString(report));
    assertThat(number(files, 1)).isEqualTo(3);
    assertThat(number(files, 2) + number(files, 3) + number(files, 4)).isEqualTo(number(files, 1));
  }

  @Test
  void verifyCountsAPathUnderTwoInputRootsAsOneFileAndItsBreakdownAddsUp() throws Exception {
    Path second = temp.resolve("copy");
    ArchiveCopies.copyTree(Path.of("sample-logs", "AWSLogs"), second);

    CliRun run = CliRun.of("verify", Path.of("sample-logs", "AWSLogs").toString(), second.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    Matcher found = find(VERIFY_FOUND, run.out());
    assertThat(number(found, 1)).isEqualTo(651);
    assertThat(number(found, 2) + number(found, 3) + number(found, 4)).isEqualTo(number(found, 1));
    assertThat(run.out()).contains("(1302 copies: a path under more than one input root is one file");
  }

  private static Matcher find(Pattern pattern, String text) {
    Matcher matcher = pattern.matcher(text);
    assertThat(matcher.find()).as("%s in:%n%s", pattern, text).isTrue();
    return matcher;
  }

  private static long number(Matcher matcher, int group) {
    return matcher.group(group) == null ? 0 : Long.parseLong(matcher.group(group));
  }
}
