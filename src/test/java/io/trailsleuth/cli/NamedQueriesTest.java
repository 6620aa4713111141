package io.trailsleuth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NamedQueriesTest {
  @TempDir
  static Path temp;

  private static String store;

  private static String run(String... args) {
    CliRun run = CliRun.of(args);
    assertThat(run.exitCode()).as(run.err()).isZero();
    return run.out();
  }

  @BeforeAll
  static void ingestSampleLogs() {
    store = temp.resolve("store").toString();
    run("ingest", "-q", "sample-logs/AWSLogs", "--store", store);
  }

  @Test
  void countsSuccessfulAndDeniedDecryptsPerRoleGeneration() {
    String csv = run("query", "--store", store, "--name", "decrypt_summary", "--format", "csv");

    assertThat(csv).contains("billing-worker,billing-worker-exec,AROA8W5SRQ2V6EL2RCURY,2,13,30,0,");
    assertThat(csv).contains("billing-worker,billing-worker-exec,AROAX3B2NR9C4DLY6DQAM,1,13,0,0,");
  }

  @Test
  void listsTwoGenerationsOfTheRecreatedRoleWithTheirSource() {
    String csv = run("query", "--store", store, "--name", "role_lineage", "--format", "csv");

    assertThat(csv.lines().filter(line -> line.startsWith("111122223333,billing-worker-exec,"))).hasSize(2)
        .allMatch(line -> line.contains(",CreateRole,"));
  }

  @Test
  void bindsTheGrantOfEachFunctionToTheGenerationLiveAtGrantTime() {
    String csv = run("query", "--store", store, "--name", "grant_ledger", "--format", "csv");

    assertThat(csv.lines().filter(line -> line.contains(",billing-reporter,")))
        .anyMatch(line -> line.contains(",AROAX3B2NR9C4DLY6DQAM,1"));
  }

  @Test
  void listsEveryNamedQueryWithItsDescription() {
    String list = run("query", "--list");

    assertThat(list).contains("role_lineage", "grant_ledger", "decrypt_outcomes", "decrypt_summary", "function_history",
        "timeline", "coverage").doesNotContain("store_");
  }
}
