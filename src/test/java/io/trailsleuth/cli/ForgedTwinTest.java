package io.trailsleuth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import io.trailsleuth.report.MarkdownStructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A forged twin of a cited event, planted in an export beside the generated archive, is named in report and JSON. */
final class ForgedTwinTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir
  Path temp;

  private Path archive;
  private JsonNode deleteRole;

  /** The sample archive with a forged copy of the DeleteRole of billing-worker-exec at {@code exportPath}. */
  private void plantForgedTwin(String exportPath) throws IOException {
    archive = temp.resolve("archive");
    ArchiveCopies.copyTree(Path.of("sample-logs", "AWSLogs"), archive.resolve("AWSLogs"));
    deleteRole = findRecord(archive, "DeleteRole", "billing-worker-exec");
    ObjectNode twin = deleteRole.deepCopy();
    twin.put("sourceIPAddress", "198.51.100.99");
    twin.put("userAgent", "<script>alert(1)</script>|`forged`");
    ((ObjectNode) twin.get("requestParameters")).put("<img src=x onerror=alert(1)>|`x`", "hostile key");
    Path export = archive.resolve(exportPath);
    Files.createDirectories(export.getParent());
    Files.writeString(export, twin + "\n", StandardCharsets.UTF_8);
  }

  private JsonNode investigate(Path report, String... more) throws IOException {
    List<String> arguments = new ArrayList<>(List.of("investigate", "-q", archive.toString(), "--out", report.toString(),
        "--json", "-"));
    arguments.addAll(List.of(more));
    CliRun run = CliRun.of(arguments.toArray(String[]::new));
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err() + run.out()).doesNotContain("Exception");
    return MAPPER.readTree(run.out());
  }

  @Test
  void usesTheCopyFromTheDigestVerifiedFileEvenWhenTheForgedTwinComesFirstByPath() throws IOException {
    plantForgedTwin("0-exports/export.jsonl");
    Path store = temp.resolve("store");

    JsonNode findings = investigate(temp.resolve("report.md"), "--store", store.toString());

    JsonNode versions = findings.path("integrity").path("conflictingDuplicates").get(0).path("versions");
    assertThat(versions.get(0).path("sourceFile").asText()).isEqualTo("0-exports/export.jsonl");
    assertThat(versions.get(0).path("used").asBoolean()).isFalse();
    assertThat(versions.get(1).path("verified").asBoolean()).isTrue();
    assertThat(versions.get(1).path("used").asBoolean()).isTrue();
    String eventId = deleteRole.get("eventID").asText();
    assertThat(findings.path("breakages").get(0).path("evidence"))
        .filteredOn(e -> e.path("eventId").asText().equals(eventId)).singleElement()
        .satisfies(e -> assertThat(e.path("sourceFile").asText()).startsWith("AWSLogs/"));
    CliRun conflicts = CliRun.of("query", "--store", store.toString(), "--format", "csv",
        "select source_file, kept, verified from conflicts order by source_file");
    assertThat(conflicts.out().lines().skip(1).map(line -> line.replaceAll("/.*\\.json\\.gz", "/….json.gz")))
        .containsExactly("0-exports/export.jsonl,false,false", "AWSLogs/….json.gz,true,true");
  }

  @Test
  void namesAForgedTwinOfACitedEventAndLowersTheConfidenceOfTheFindingThatCitesIt() throws IOException {
    plantForgedTwin("exports/lookup-export.jsonl");
    Path report = temp.resolve("report.md");
    Path html = temp.resolve("report.html");

    JsonNode findings = investigate(report, "--html", html.toString());

    String eventId = deleteRole.get("eventID").asText();
    JsonNode conflicts = findings.path("integrity").path("conflictingDuplicates");
    assertThat(conflicts).hasSize(1);
    JsonNode conflict = conflicts.get(0);
    assertThat(conflict.path("eventId").asText()).isEqualTo(eventId);
    assertThat(conflict.path("versions")).hasSize(2);
    JsonNode used = conflict.path("versions").get(0);
    JsonNode forged = conflict.path("versions").get(1);
    assertThat(used.path("sourceFile").asText()).startsWith("AWSLogs/");
    assertThat(used.path("used").asBoolean()).isTrue();
    assertThat(used.path("verified").asBoolean()).isTrue();
    assertThat(forged.path("sourceFile").asText()).isEqualTo("exports/lookup-export.jsonl");
    assertThat(forged.path("verified").asBoolean()).isFalse();
    assertThat(forged.path("differingFields")).extracting(JsonNode::asText)
        .containsExactly("request_parameters.<img src=x onerror=alert(1)>|`x`", "source_ip_address", "user_agent");
    assertThat(forged.path("recordSha256").asText()).hasSize(64).isNotEqualTo(used.path("recordSha256").asText());
    assertThat(conflict.path("citedBy").get(0).path("effect").asText())
        .startsWith("confidence lowered from confirmed to probable");
    JsonNode breakage = findings.path("breakages").get(0);
    assertThat(breakage.path("confidence").asText()).isEqualTo("probable");
    assertThat(breakage.path("evidence")).filteredOn(e -> e.path("eventId").asText().equals(eventId)).singleElement()
        .satisfies(e -> assertThat(e.path("conflictingCopies").asBoolean()).isTrue());

    String markdown = Files.readString(report, StandardCharsets.UTF_8);
    assertThat(markdown).contains("### Conflicting copies", "Event `" + eventId + "`: 2 versions.",
        "confidence lowered from confirmed to probable", "`exports/lookup-export.jsonl #0`", "`source_ip_address`",
        "(conflicting copies: this version used, see above)");
    for (String line : MarkdownStructure.outsideFences(markdown)) {
      assertThat(MarkdownStructure.withoutCodeSpans(line)).as("log text stays inside code spans: %s", line)
          .doesNotContain("<script", "<img");
    }
    assertThat(Files.readString(html, StandardCharsets.UTF_8)).contains("Conflicting copies")
        .doesNotContain("<script>alert", "<img src=x");
  }

  private static JsonNode findRecord(Path root, String eventName, String roleName) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path path : walk.filter(p -> p.toString().endsWith(".json.gz") && p.toString().contains("/CloudTrail/"))
          .sorted().toList()) {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(path))) {
          for (JsonNode record : MAPPER.readTree(in).get("Records")) {
            if (record.path("eventName").asText().equals(eventName)
                && record.path("requestParameters").path("roleName").asText().equals(roleName)) {
              return record;
            }
          }
        }
      }
    }
    throw new AssertionError("no " + eventName + " of " + roleName);
  }

}
