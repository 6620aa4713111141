package io.trailsleuth.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The only public real capture of the failure (../shared/datasets/lambda-grant-shenanigans), run through
 * {@code investigate} as a new user would: the three CloudTrail records alone, then with the CLI outputs beside them.
 */
class ShenanigansInvestigationTest {
  private static final String NEW_ROLE_ID = "AROAWJFTKRGSJLRRX5PRS";
  private static final String OLD_ROLE_ID = "AROAWJFTKRGSL363D6SWQ";

  @TempDir
  Path temp;
  private Path dataset;

  @BeforeEach
  void findDataset() {
    String shared = System.getProperty("trailsleuth.shared");
    assumeTrue(shared != null, "no shared folder");
    dataset = Path.of(shared, "datasets", "lambda-grant-shenanigans");
    assumeTrue(Files.isRegularFile(dataset.resolve("records-rewrapped.json")), "lambda-grant-shenanigans is absent");
  }

  private JsonNode investigate(Path input) throws Exception {
    Path json = temp.resolve("findings.json");
    Path report = temp.resolve("report.md");
    CliRun run = CliRun.of("investigate", input.toString(), "--out", report.toString(), "--json", json.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    return new ObjectMapper().readTree(json.toFile());
  }

  @Test
  void theThreeCloudTrailRecordsAloneGiveAPossibleBreakageWithTheNewRoleId() throws Exception {
    JsonNode findings = investigate(dataset.resolve("records-rewrapped.json"));

    assertThat(findings.get("schemaVersion").asInt()).isEqualTo(2);
    assertThat(findings.get("breakages")).hasSize(1);
    JsonNode breakage = findings.get("breakages").get(0);
    assertThat(breakage.get("functionName").asText()).isEqualTo("grant-shenanigans");
    assertThat(breakage.get("confidence").asText()).isEqualTo("possible");
    assertThat(breakage.get("newRoleId").asText()).isEqualTo(NEW_ROLE_ID);
    assertThat(breakage.get("oldRoleId").isNull()).isTrue();
    assertThat(breakage.get("failedDecrypts").asLong()).isEqualTo(1);
    assertThat(texts(breakage.get("missingEvidence"))).contains("iam-events", "old-generation");
    assertThat(findings.get("unexplainedDecryptFailures")).isEmpty();
    String report = Files.readString(temp.resolve("report.md"));
    assertThat(report).doesNotContain("No Lambda function in these logs failed")
        .contains("Confidence: possible", "aws kms list-grants --key-id 'arn:aws:kms:ap-southeast-2:123456789012:key/"
            + "5c466b7d-7ad6-4c88-9fe6-bb787707c55a' --region 'ap-southeast-2'");
  }

  @Test
  void withTheCliOutputsBesideThemTheBreakageIsConfirmedWithTheOldRoleId() throws Exception {
    JsonNode findings = investigate(dataset);

    assertThat(findings.get("breakages")).hasSize(1);
    JsonNode breakage = findings.get("breakages").get(0);
    assertThat(breakage.get("confidence").asText()).isEqualTo("confirmed");
    assertThat(breakage.get("oldRoleId").asText()).isEqualTo(OLD_ROLE_ID);
    assertThat(breakage.get("newRoleId").asText()).isEqualTo(NEW_ROLE_ID);
    assertThat(breakage.get("failedDecrypts").asLong()).isEqualTo(1);
    assertThat(texts(breakage.get("evidenceSources"))).contains("cloudtrail", "kms-list-grants", "iam-role");
    List<String> snapshotFiles = new ArrayList<>();
    breakage.get("evidence").forEach(item -> {
      if (item.get("type").asText().equals("snapshot-item")) {
        assertThat(item.get("sourceSha256").asText()).hasSize(64);
        snapshotFiles.add(item.get("sourceFile").asText());
      }
    });
    assertThat(snapshotFiles).contains("readme-blocks/08-kms-list-grants-after-role-recreation.json",
        "readme-blocks/04-iam-create-role-cli-output.json");
    assertThat(findings.get("coverage").get("rejected").asLong()).isZero();
    List<String> kinds = new ArrayList<>();
    findings.get("snapshots").forEach(file -> kinds.add(file.get("kind").asText()));
    assertThat(kinds).containsExactly("kms-list-grants", "iam-role", "kms-describe-key", "kms-list-grants");
  }

  private static List<String> texts(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(value -> values.add(value.asText()));
    return values;
  }
}
