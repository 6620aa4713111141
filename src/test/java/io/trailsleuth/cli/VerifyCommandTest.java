package io.trailsleuth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trailsleuth.integrity.TestArchive;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyCommandTest {
  @TempDir
  Path directory;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.run(new PrintWriter(out), new PrintWriter(err), args);
  }

  private String[] signedArguments(TestArchive archive, String... more) throws IOException {
    String keys = archive.writePublicKeys(directory.resolve("keys.json"), true).toString();
    String signatures = archive.writeSignatures(directory.resolve("signatures.json")).toString();
    String[] head = {"verify", directory.resolve("archive").toString(), "--public-keys", keys, "--signatures", signatures};
    String[] all = new String[head.length + more.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(more, 0, all, head.length, more.length);
    return all;
  }

  @Test
  void exitsZeroAndWritesJsonForAnUntouchedSignedArchive() throws IOException {
    TestArchive archive = TestArchive.write(directory.resolve("archive"), 3, -1);
    Path json = directory.resolve("integrity.json");

    int code = run(signedArguments(archive, "--json", json.toString()));

    assertThat(code).isEqualTo(ExitCode.OK);
    assertThat(out.toString()).contains("Evidence integrity: all checks passed", "verified:          6", "3 valid");
    JsonNode written = new ObjectMapper().readTree(json.toFile());
    assertThat(written.path("verifiedFiles")).hasSize(6);
    assertThat(written.path("signatures").path("digests")).hasSize(3);
  }

  @Test
  void exitsFiveAndNamesTheTamperedLog() throws IOException {
    TestArchive archive = TestArchive.write(directory.resolve("archive"), 3, -1);
    String victim = archive.logKeys.get(1);
    TestArchive.rewrite(archive.pathOf(victim), content -> {
      content[10] ^= 1;
      return content;
    });

    int code = run(signedArguments(archive));

    assertThat(code).isEqualTo(ExitCode.INTEGRITY_FAILURE);
    assertThat(out.toString()).contains("PROBLEMS FOUND", "tampered:          1", victim);
  }

  @Test
  void exitsFiveAndNamesTwoConsecutiveMissingDigests() throws IOException {
    TestArchive archive = TestArchive.write(directory.resolve("archive"), 5, -1);
    Files.delete(archive.pathOf(archive.digestKeys.get(1)));
    Files.delete(archive.pathOf(archive.digestKeys.get(2)));

    int code = run("verify", directory.resolve("archive").toString());

    assertThat(code).isEqualTo(ExitCode.INTEGRITY_FAILURE);
    assertThat(out.toString()).contains("missing-digest", archive.digestKeys.get(2), "2 consecutive digest(s)",
        "signatures:        not checked");
  }

  @Test
  void printsTheSameSummaryForTheSameInput() throws IOException {
    TestArchive archive = TestArchive.write(directory.resolve("archive"), 3, -1);
    Files.delete(archive.pathOf(archive.logKeys.get(2)));
    run("verify", directory.resolve("archive").toString());
    String first = out.toString();
    out.getBuffer().setLength(0);

    run("verify", directory.resolve("archive").toString());

    assertThat(out.toString()).isEqualTo(first);
  }

  @Test
  void exitsThreeWhenNoDigestAndNoLogFileIsFound() throws IOException {
    Files.writeString(directory.resolve("readme.txt"), "nothing here");

    assertThat(run("verify", directory.toString())).isEqualTo(ExitCode.NOTHING_READ);
    assertThat(err.toString()).contains("no digest file and no CloudTrail log file was found");
  }

  @Test
  void rejectsPublicKeysWithoutSignatures() throws IOException {
    TestArchive archive = TestArchive.write(directory.resolve("archive"), 1, -1);
    Path keys = archive.writePublicKeys(directory.resolve("keys.json"), true);

    int code = run("verify", directory.resolve("archive").toString(), "--public-keys", keys.toString());

    assertThat(code).isEqualTo(ExitCode.USAGE);
    assertThat(err.toString()).contains("--public-keys and --signatures go together");
  }

  @Test
  void aMissingPublicKeysFileIsAUsageErrorThatSaysWhy(@TempDir Path directory) throws Exception {
    Path signatures = Files.writeString(directory.resolve("signatures.json"), "{}");
    Path keys = directory.resolve("keys.json");

    CliRun run = CliRun.of("verify", directory.toString(), "--public-keys", keys.toString(), "--signatures",
        signatures.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("cannot read --public-keys " + keys + ": no such file");
  }

  @Test
  void logFilesWithoutAnyDigestAreNotCheckedAndExitNothingRead() {
    CliRun run = CliRun.of("verify", Path.of("sample-logs", "regional-download", "AWSLogs").toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.NOTHING_READ);
    assertThat(run.out()).contains("Evidence integrity: not checked: no digest files found").doesNotContain("all checks passed");
    assertThat(run.err()).contains("no digest file was found in").contains("so no log file was checked");
  }
}
