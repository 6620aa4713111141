package io.trailsleuth.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailsleuth.cli.CliRun;
import io.trailsleuth.pipeline.TestStores;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Errors reach the user as one line that names the path; a stack trace only with --verbose. */
final class CliErrorsTest {
  @TempDir
  Path temp;

  @Test
  void printsNoStackTraceForAnEnvironmentFailureUnlessVerbose() throws Exception {
    // a store whose runs directory is a file: a usable --store (checked before any work) that fails on writing
    Path store = temp.resolve("store");
    TestStores.ingest(store, TestStores.fixture("single-record/record.json"));
    io.trailsleuth.common.FileTrees.deleteRecursively(store.resolve("runs"));
    Path notADirectory = Files.writeString(store.resolve("runs"), "x");
    String input = TestStores.fixture("trail-records/compact.json").toString();

    CliRun quiet = CliRun.of("ingest", input, "--store", store.toString(), "-q");
    CliRun verbose = CliRun.of("ingest", input, "--store", store.toString(), "-q", "--verbose");

    assertThat(quiet.exitCode()).isNotZero();
    assertThat(quiet.err()).startsWith("trailsleuth: ").contains(notADirectory.toString()).doesNotContain("\tat ")
        .contains("--verbose");
    assertThat(verbose.err()).contains(notADirectory.toString()).contains("\tat ");
  }

  @Test
  void namesTheMissingInputAndCountsItAsAReject() throws Exception {
    Path missing = temp.resolve("no-such-archive");

    CliRun run = CliRun.of("ingest", missing.toString(), "--store", temp.resolve("store").toString(), "-q");

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.out() + run.err()).doesNotContain("\tat ");
    assertThat(TestStores.rows(temp.resolve("store"), "SELECT reason_code, reason FROM rejects")).singleElement()
        .satisfies(row -> assertThat((String) row.get("reason")).contains("no such file or directory: " + missing));
  }
}
