package io.trailsleuth.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import io.trailsleuth.analysis.AtRisk;
import io.trailsleuth.analysis.CitedSources;
import io.trailsleuth.analysis.ConflictingEvent;
import io.trailsleuth.analysis.Coverage;
import io.trailsleuth.analysis.Evidence;
import io.trailsleuth.analysis.Findings;
import io.trailsleuth.analysis.SnapshotFile;
import io.trailsleuth.integrity.IntegrityReport;
import io.trailsleuth.integrity.SignatureCheck;
import io.trailsleuth.integrity.TamperedFile;
import io.trailsleuth.integrity.UnlistedFile;
import io.trailsleuth.integrity.UnlistedFiles;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** The findings JSON's members for values the findings do not know: present, and null. */
final class FindingsJsonTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Coverage COVERAGE = new Coverage(1, 1, 1, 0, 0, 0, 1, 0, Instant.parse("2026-03-01T09:00:00Z"),
      Instant.parse("2026-03-01T09:00:00Z"), List.of("111122223333"), List.of("us-east-1"), List.of());

  @Test
  void listsEachSnapshotFileWithANullInputRootWhenMadeWithoutAStore() throws Exception {
    Findings findings = new Findings(COVERAGE, List.of(), List.of(), List.of(), List.of(),
        List.of(new SnapshotFile("kms-list-grants.json", "ab".repeat(32), "kms-list-grants", 2)));

    JsonNode snapshot = MAPPER.readTree(FindingsJson.write(findings)).path("snapshots").get(0);

    assertThat(snapshot.has("inputRoot")).isTrue();
    assertThat(snapshot.path("inputRoot").isNull()).isTrue();
    assertThat(snapshot.path("file").asText()).isEqualTo("kms-list-grants.json");
  }

  @Test
  void flagsEveryEventEvidenceItemWithWhetherItsCopiesConflict() throws Exception {
    Instant at = Instant.parse("2026-03-01T09:00:00Z");
    List<Evidence> evidence = List.of(new Evidence("event-agreeing", at, "CreateGrant", "trail.json", 0),
        new Evidence("event-conflicting", at, "CreateRole", "trail.json", 1));
    Findings findings = new Findings(COVERAGE, List.of(), List.of(new AtRisk("111122223333", "us-east-1", "worker",
        "arn:aws:lambda:us-east-1:111122223333:function:worker", "worker-exec",
        "arn:aws:iam::111122223333:role/worker-exec", "AROAOLDOLDOLDOLDOLD01", "AROANEWNEWNEWNEWNEW02", "g-1",
        "grant bound to the replaced role", evidence)), List.of(), List.of(), List.of());

    JsonNode items = MAPPER.readTree(FindingsJson.write(findings, Optional.empty(),
        List.of(new ConflictingEvent("event-conflicting", List.of(), List.of())))).path("atRisk").get(0)
        .path("evidence");

    assertThat(items).extracting(item -> item.path("eventId").asText(), item -> item.get("conflictingCopies"))
        .containsExactly(Tuple.tuple("event-agreeing", BooleanNode.FALSE),
            Tuple.tuple("event-conflicting", BooleanNode.TRUE));
  }

  @Test
  void streamsTheIntegrityBlockWithEveryUnlistedFileAsTheTextItReturns() throws Exception {
    List<UnlistedFile> unlisted = List.of(new UnlistedFile("AWSLogs/b.json", true),
        new UnlistedFile("AWSLogs/a\u0001.json", false));
    IntegrityReport integrity = new IntegrityReport(List.of("AWSLogs/v.json"), List.of(),
        List.of(new TamperedFile("AWSLogs/t.json", "digest.json.gz", "ab", "cd", "differs")), List.of(),
        UnlistedFiles.of(unlisted), List.of(), new SignatureCheck(false, "not given", List.of()), 1, 4, 0,
        List.of("a note"), List.of());
    Findings findings = new Findings(COVERAGE, List.of(), List.of(), List.of(), List.of(), List.of());
    List<ConflictingEvent> conflicts = List.of(new ConflictingEvent("event-conflicting", List.of(), List.of()));
    StringWriter streamed = new StringWriter();

    FindingsJson.write(findings, Optional.of(integrity), conflicts, CitedSources.none(), streamed);

    String text = FindingsJson.write(findings, Optional.of(integrity), conflicts);
    assertThat(streamed.toString()).isEqualTo(text).endsWith("}\n").contains("a\\u0001.json");
    JsonNode block = MAPPER.readTree(text).path("integrity");
    assertThat(block.path("unlisted")).extracting(file -> file.path("path").asText(),
        file -> file.path("digestCoversWindow").asBoolean())
        .containsExactly(Tuple.tuple("AWSLogs/a\u0001.json", false), Tuple.tuple("AWSLogs/b.json", true));
    assertThat(block.path("unlisted").get(1).path("explanation").asText()).startsWith("a digest for this account");
    assertThat(block.path("tampered").get(0).path("actualHash").asText()).isEqualTo("cd");
    assertThat(block.path("conflictingDuplicates").get(0).path("eventId").asText()).isEqualTo("event-conflicting");
    assertThat(block.path("status").asText()).isEqualTo("failed");
  }
}
