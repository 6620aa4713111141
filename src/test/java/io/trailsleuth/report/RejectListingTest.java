package io.trailsleuth.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailsleuth.cli.CliRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report names each rejected record (file, record, byte offset, why), so evidence of damage survives the store. */
final class RejectListingTest {
  @TempDir Path dir;

  @Test
  void everyRejectReasonListsItsFirstTenRecordsAndHowToFindTheRest() throws Exception {
    Path logs = Files.createDirectories(dir.resolve("logs"));
    for (int i = 0; i < 12; i++) {
      Files.writeString(logs.resolve(String.format("empty-%02d.json", i)), "");
    }
    Files.writeString(logs.resolve("broken.json"),
        "{\"Records\":[{\"eventID\":\"e1\",\"eventTime\":\"2026-03-02T00:00:00Z\",\"eventName\":\"GetObject\","
            + "\"eventSource\":\"s3.amazonaws.com\"},{\"eventID\": }]}");
    Path report = dir.resolve("report.md");

    CliRun run = CliRun.of("investigate", logs.toString(), "--out", report.toString(), "-q");

    String text = Files.readString(report, StandardCharsets.UTF_8);
    assertThat(run.exitCode()).isZero();
    assertThat(text).contains("  - rejected empty-file: 12\n")
        .contains("    - `empty-00.json`: rest of file from record 0 at byte 0: file is empty")
        .contains("    - `empty-09.json`: ")
        .doesNotContain("`empty-10.json`")
        .contains("    - … 2 more: `trailsleuth query --store DIR \"select source_file, source_record, byte_offset, "
            + "reason from rejects where reason_code = 'empty-file'\"`")
        .contains("  - rejected invalid-json: 1\n    - `broken.json`: rest of file from record 1 at byte ");
    assertThat(text).doesNotContain("1 more");
  }

  @Test
  void namesTheInputRootOfARejectWhereTwoRootsHoldDifferentFilesAtItsPath() throws Exception {
    Path first = Files.createDirectories(dir.resolve("first"));
    Path second = Files.createDirectories(dir.resolve("second"));
    for (Path root : List.of(first, second)) {
      Files.writeString(root.resolve("broken.json"), "{\"Records\":[{\"eventID\":\"" + root.getFileName()
          + "\",\"eventTime\":\"2026-03-02T00:00:00Z\",\"eventName\":\"GetObject\",\"eventSource\":"
          + "\"s3.amazonaws.com\"},{\"eventID\": }]}");
    }
    Files.writeString(second.resolve("alone.json"), "");
    Path report = dir.resolve("report.md");

    CliRun run = CliRun.of("investigate", second.toString(), first.toString(), "--out", report.toString(), "-q");

    String text = Files.readString(report, StandardCharsets.UTF_8);
    assertThat(run.exitCode()).isZero();
    assertThat(text).contains("  - rejected invalid-json: 2\n"
        + "    - `broken.json` under input root `" + first + "`: rest of file from record 1 at byte ",
        "    - `broken.json` under input root `" + second + "`: rest of file from record 1 at byte ",
        // a path only one root holds needs no root
        "    - `alone.json`: ");
  }

  @Test
  void rejectedFileNamesAndReasonsCannotBreakTheReportsMarkdown() throws Exception {
    Path logs = Files.createDirectories(dir.resolve("logs"));
    Files.writeString(logs.resolve("a`b|c<img src=x>.json"),
        "{\"Records\":[{\"eventID\":\"e1\",\"eventTime\":\"2026-03-02T00:00:00Z\",\"eventName\":\"GetObject\","
            + "\"eventSource\":\"s3.amazonaws.com\"},{\"eventID\": ]}");
    Path report = dir.resolve("report.md");

    CliRun.of("investigate", logs.toString(), "--out", report.toString(), "-q");

    List<String> lines = Files.readAllLines(report, StandardCharsets.UTF_8).stream()
        .filter(line -> line.startsWith("    - `a")).toList();
    assertThat(lines).hasSize(1);
    assertThat(lines.get(0)).startsWith("    - `a\u02cbb|c<img src=x>.json`: ");
  }
}
