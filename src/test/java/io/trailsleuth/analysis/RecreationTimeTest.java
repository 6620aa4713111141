package io.trailsleuth.analysis;

import static io.trailsleuth.analysis.SnapshotFixtures.configRole;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trailsleuth.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a re-creation's time is stated when no CreateRole is in the evidence: from a snapshot's CreateDate as a snapshot,
 * from sightings only as bounds, and an AWS Config deletion item's capture time as an upper bound, never a time.
 */
class RecreationTimeTest {
  private static final String A = StoryLogs.ACCOUNT;
  private static final String OLD = "AROAOLDOLDOLDOLDOLD01";
  private static final String NEW = "AROANEWNEWNEWNEWNEW02";

  @TempDir
  Path temp;

  /** A regional download: the grant, the old role's Decrypts, then denials under the new ID; no IAM event. */
  private Path regionalDownload() throws Exception {
    return new StoryLogs()
        .grant("2026-03-01T09:05:00Z", A, "worker-exec", "worker", "g-worker")
        .decrypt("2026-03-01T09:10:00Z", A, "worker-exec", OLD, "worker", false)
        .decrypt("2026-03-02T09:50:00Z", A, "worker-exec", OLD, "worker", false)
        .decrypt("2026-03-02T10:20:00Z", A, "worker-exec", NEW, "worker", true)
        .decrypt("2026-03-02T11:20:00Z", A, "worker-exec", NEW, "worker", true)
        .write(temp.resolve("logs"), "eu-west-1.jsonl");
  }

  private record Outputs(String report, JsonNode breakage) {}

  private Outputs investigate(Path input) throws Exception {
    Path report = temp.resolve("report.md");
    Path json = temp.resolve("findings.json");
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "investigate", input.toString(),
        "--out", report.toString(), "--json", json.toString());
    assertThat(code).as(err.toString()).isZero();
    JsonNode breakages = new ObjectMapper().readTree(json.toFile()).get("breakages");
    assertThat(breakages).hasSize(1);
    return new Outputs(Files.readString(report), breakages.get(0));
  }

  @Test
  void statesARecreationThatOnlySightingsShowAsBoundsNeverAsATime() throws Exception {
    Outputs outputs = investigate(regionalDownload().getParent());

    assertThat(outputs.report())
        .contains("was re-created before 2026-03-02 10:20:00 UTC, when its new unique ID first appears in the evidence "
            + "(after 2026-03-02 09:50:00 UTC, when the old unique ID last appears")
        .contains("the time of the re-creation is inferred from sightings, not shown")
        .contains("| Role re-created before this time \\(inferred\\) | — | — |")
        .doesNotContain("re-created at", "| CreateRole |", "created again at");
    JsonNode b = outputs.breakage();
    assertThat(b.get("roleRecreatedAt").isNull()).isTrue();
    assertThat(b.get("roleRecreatedBefore").asText()).isEqualTo("2026-03-02T10:20:00Z");
    assertThat(b.get("roleRecreatedAfter").asText()).isEqualTo("2026-03-02T09:50:00Z");
    assertThat(b.get("roleRecreatedShownBy").asText()).isEqualTo("sightings");
    assertThat(b.get("recreations").get(0).get("at").isNull()).isTrue();
    assertThat(b.get("recreations").get(0).get("before").asText()).isEqualTo("2026-03-02T10:20:00Z");
  }

  @Test
  void boundsARecreationAfterADeleteRoleByTheDeletionAndTheNewIdsFirstSighting() throws Exception {
    Path logs = new StoryLogs()
        .grant("2026-03-01T09:05:00Z", A, "worker-exec", "worker", "g-worker")
        .decrypt("2026-03-01T09:10:00Z", A, "worker-exec", OLD, "worker", false)
        .deleteRole("2026-03-02T10:00:00Z", A, "worker-exec")
        .decrypt("2026-03-02T10:20:00Z", A, "worker-exec", NEW, "worker", true)
        .write(temp.resolve("logs"), "story.jsonl");

    Outputs outputs = investigate(logs.getParent());

    assertThat(outputs.report())
        .contains("at 2026-03-02 10:00:00 UTC and re-created before 2026-03-02 10:20:00 UTC, when its new unique ID "
            + "first appears in the evidence (after 2026-03-02 10:00:00 UTC, when the old role was deleted;")
        .contains("| DeleteRole |")
        .doesNotContain("20 min later", "| CreateRole |");
    JsonNode b = outputs.breakage();
    assertThat(b.get("roleDeletedAt").asText()).isEqualTo("2026-03-02T10:00:00Z");
    assertThat(b.get("roleDeletedShownBy").asText()).isEqualTo("DeleteRole");
    assertThat(b.get("roleRecreatedAt").isNull()).isTrue();
    assertThat(b.get("roleRecreatedAfter").asText()).isEqualTo("2026-03-02T10:00:00Z");
  }

  @Test
  void givesTheAtRiskReasonTheSightingThatBoundsARecreationNotATime() throws Exception {
    Path logs = new StoryLogs()
        .grant("2026-03-01T09:05:00Z", A, "worker-exec", "worker", "g-worker")
        .grant("2026-03-01T09:06:00Z", A, "worker-exec", "reporter", "g-reporter")
        .decrypt("2026-03-01T09:10:00Z", A, "worker-exec", OLD, "worker", false)
        .decrypt("2026-03-01T09:11:00Z", A, "worker-exec", OLD, "reporter", false)
        .decrypt("2026-03-02T10:20:00Z", A, "worker-exec", NEW, "worker", true)
        .write(temp.resolve("logs"), "eu-west-1.jsonl");

    investigate(logs.getParent());

    JsonNode atRisk = new ObjectMapper().readTree(temp.resolve("findings.json").toFile()).get("atRisk");
    assertThat(atRisk).hasSize(1);
    assertThat(atRisk.get(0).get("reason").asText())
        .contains("was re-created as " + NEW + " before 2026-03-02T10:20:00Z (its first appearance in the evidence")
        .doesNotContain(" at 2026-03-02T10:20:00Z");
  }

  @Test
  void boundsAnAwsConfigDeletionByItsCaptureTimeAndNeverPrintsANegativeDuration() throws Exception {
    Path logs = regionalDownload();
    Path config = logs.resolveSibling(SnapshotFixtures.configHistoryPath(A));
    Files.createDirectories(config.getParent());
    Files.writeString(config, "{\"fileVersion\":\"1.0\",\"configurationItems\":["
        + configRole(A, OLD, "OK", "2026-02-01T08:00:00.000Z", "2026-02-01T08:05:00.000Z", false) + ","
        + configRole(A, OLD, "ResourceDeleted", "2026-02-01T08:00:00.000Z", "2026-03-02T10:14:30.000Z", false) + ","
        + configRole(A, NEW, "ResourceDiscovered", "2026-03-02T10:14:09.000Z", "2026-03-02T10:15:00.000Z", true)
        + "]}", StandardCharsets.UTF_8);

    Outputs outputs = investigate(logs.getParent());

    assertThat(outputs.report())
        .contains("was deleted before it was re-created at 2026-03-02 10:14:09 UTC (its `CreateDate` in AWS Config)")
        .contains("AWS Config recorded the deletion at 2026-03-02 10:14:30 UTC")
        .contains("| 2026-03-02 10:14:30 UTC | Role deletion recorded \\(AWS Config, not a CloudTrail event\\) | — | — | "
            + "role worker-exec \\(" + OLD + "\\) was deleted by this time, and before 2026-03-02 10:14:09 UTC")
        .doesNotContain("-21 s", "| DeleteRole |", "| CreateRole |", "deleted by an unknown actor at");
    JsonNode b = outputs.breakage();
    assertThat(b.get("roleDeletedAt").isNull()).isTrue();
    assertThat(b.get("roleDeletedBefore").asText()).isEqualTo("2026-03-02T10:14:09Z");
    assertThat(b.get("roleDeletedShownBy").asText()).isEqualTo("aws-config");
    assertThat(b.get("roleRecreatedAt").asText()).isEqualTo("2026-03-02T10:14:09Z");
    assertThat(b.get("roleRecreatedShownBy").asText()).isEqualTo("aws-config");
  }

  @Test
  void showsARecreationKnownFromGetRoleAsASnapshotNotACloudTrailEvent() throws Exception {
    Path logs = regionalDownload();
    Files.writeString(logs.resolveSibling("get-role.json"), SnapshotFixtures.getRole(A, NEW, "2026-03-02T10:14:09+00:00"),
        StandardCharsets.UTF_8);

    Outputs outputs = investigate(logs.getParent());

    assertThat(outputs.report())
        .contains("re-created at 2026-03-02 10:14:09 UTC (its `CreateDate` in an IAM CLI output) by an unknown actor")
        .contains("| 2026-03-02 10:14:09 UTC | Role created \\(CreateDate in IAM CLI output, not a CloudTrail "
            + "event\\) | — | — | new unique ID " + NEW + "; from get-role.json #0 \\(a CLI output, which has no capture "
            + "time\\) |")
        .doesNotContain("| CreateRole |");
    JsonNode b = outputs.breakage();
    assertThat(b.get("roleRecreatedAt").asText()).isEqualTo("2026-03-02T10:14:09Z");
    assertThat(b.get("roleRecreatedShownBy").asText()).isEqualTo("iam-role");
  }

  @Test
  void statesAnAwsConfigDeletionOfARoleNotRecreatedAsRecordedByThen() throws Exception {
    Path logs = new StoryLogs()
        .grant("2026-03-01T09:05:00Z", A, "worker-exec", "worker", "g-worker")
        .decrypt("2026-03-01T09:10:00Z", A, "worker-exec", OLD, "worker", false)
        .write(temp.resolve("logs"), "eu-west-1.jsonl");
    Path config = logs.resolveSibling(SnapshotFixtures.configHistoryPath(A));
    Files.createDirectories(config.getParent());
    Files.writeString(config, "{\"fileVersion\":\"1.0\",\"configurationItems\":["
        + configRole(A, OLD, "ResourceDeleted", "2026-02-01T08:00:00.000Z", "2026-03-02T10:14:30.000Z", false)
        + "]}", StandardCharsets.UTF_8);
    Path report = temp.resolve("report.md");
    Path json = temp.resolve("findings.json");

    int code = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), "investigate",
        logs.getParent().toString(), "--out", report.toString(), "--json", json.toString());

    assertThat(code).isZero();
    assertThat(Files.readString(report))
        .contains("was deleted by 2026-03-02 10:14:30 UTC, when AWS Config recorded the deletion")
        .doesNotContain("was deleted at");
    JsonNode deleted = new ObjectMapper().readTree(json.toFile()).get("deletedRoles").get(0);
    assertThat(deleted.get("deletedAt").asText()).isEqualTo("2026-03-02T10:14:30Z");
    assertThat(deleted.get("deletedShownBy").asText()).isEqualTo("aws-config");
  }
}
