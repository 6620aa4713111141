package io.trailsleuth.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.trailsleuth.cli.CliRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report lists the first snapshot files read and says where the rest are, so it does not grow with the inputs. */
final class SnapshotFileListingTest {
  @TempDir Path dir;

  @Test
  void coverageListsTheFirstTwentySnapshotFilesAndTheFindingsJsonListsEveryOne() throws Exception {
    Path logs = Files.createDirectories(dir.resolve("logs"));
    Files.writeString(logs.resolve("events.json"), "{\"Records\":[{\"eventID\":\"e1\",\"eventTime\":"
        + "\"2026-03-02T00:00:00Z\",\"eventName\":\"GetObject\",\"eventSource\":\"s3.amazonaws.com\"}]}");
    for (int i = 0; i < 23; i++) {
      Files.writeString(logs.resolve(String.format("config-%02d.json", i)), "{\"fileVersion\":\"1.0\","
          + "\"configurationItems\":[{\"configurationItemCaptureTime\":\"2026-03-01T10:00:00.000Z\","
          + "\"awsAccountId\":\"111122223333\",\"configurationItemStatus\":\"OK\",\"resourceType\":\"AWS::IAM::Role\","
          + "\"resourceId\":\"AROAQ3ROLE" + String.format("%011d", i) + "\",\"resourceName\":\"role-" + i + "\","
          + "\"ARN\":\"arn:aws:iam::111122223333:role/role-" + i + "\",\"awsRegion\":\"global\","
          + "\"configuration\":{\"roleName\":\"role-" + i + "\"}}]}");
    }
    Path report = dir.resolve("report.md");
    Path json = dir.resolve("findings.json");

    CliRun run = CliRun.of("investigate", logs.toString(), "--out", report.toString(), "--json", json.toString(), "-q");

    String text = Files.readString(report, StandardCharsets.UTF_8);
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(text).contains("  - snapshot aws-config: `config-00.json` (1 item;", "`config-19.json`",
        "  - … 3 more snapshot file(s): the findings JSON's `snapshots` lists every one, `trailsleuth query --store DIR "
            + "--name snapshot_items` their items")
        .doesNotContain("`config-20.json`", "`config-22.json`");
    assertThat(new ObjectMapper().readTree(json.toFile()).path("snapshots")).hasSize(23);
  }
}
