package io.trailsleuth.cli;

import static io.trailsleuth.pipeline.TestStores.copy;
import static io.trailsleuth.pipeline.TestStores.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import io.trailsleuth.store.CaseStore;
import io.trailsleuth.store.StoreLock;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code trailsleuth ingest} in-process: its summary and each exit code. */
final class IngestCommandTest {
  @TempDir
  Path temp;

  private String store() {
    return temp.resolve("store").toString();
  }

  @Test
  void exitsZeroAndPrintsCountsThatAddUp() {
    CliRun run = CliRun.of("ingest", "-q", fixture("trail-records").toString(), "--store", store());

    assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(run.out()).contains("(run-000001)").contains("records:    5 read = 3 stored + 2 duplicates + 0 rejected");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void saysTheStoreIsUnchangedWhenTheSameArchiveIsIngestedAgain() {
    CliRun.of("ingest", "-q", fixture("trail-records").toString(), "--store", store());

    CliRun again = CliRun.of("ingest", "-q", fixture("trail-records").toString(), "--store", store());

    assertThat(again.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(again.out()).contains("nothing new; unchanged").contains("2 found = 0 read this run + 2 not read again");
  }

  @Test
  void readsAFileRejectedForTheDecompressionLimitAgainWhenALaterRunRaisesIt() {
    String file = fixture("trail-records/compact.json").toString();

    CliRun limited = CliRun.of("ingest", "-q", file, "--store", store(), "--max-decompressed-bytes", "100");
    CliRun raised = CliRun.of("ingest", "-q", file, "--store", store());
    CliRun again = CliRun.of("ingest", "-q", file, "--store", store());

    assertThat(limited.out()).contains("(run-000001)").contains("rejected decompression-limit: 1")
        .contains("records:    1 read = 0 stored + 0 duplicates + 1 rejected");
    assertThat(raised.out()).contains("(run-000002)").contains("1 found = 1 read this run + 0 not read again")
        .contains("records:    2 read = 2 stored + 0 duplicates + 0 rejected");
    assertThat(again.out()).contains("nothing new; unchanged").contains("1 found = 0 read this run + 1 not read again");
  }

  @Test
  void refusesADecompressionLimitThatIsNotPositive() {
    for (String limit : new String[] {"-5", "0"}) {
      CliRun run = CliRun.of("ingest", "-q", fixture("trail-records").toString(), "--store", store(),
          "--max-decompressed-bytes", limit);

      assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
      assertThat(run.err()).isEqualTo("trailsleuth: --max-decompressed-bytes must be a positive number of bytes, not "
          + limit + System.lineSeparator());
      assertThat(temp.resolve("store")).doesNotExist();
    }
  }

  @Test
  void exitsTwoOnAnUnknownOption() {
    CliRun run = CliRun.of("ingest", "--no-such-option", fixture("trail-records").toString(), "--store", store());

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("--no-such-option");
  }

  @Test
  void exitsThreeWhenTheOnlyPathIsMissing() {
    Path missing = temp.resolve("no-such-dir");
    CliRun run = CliRun.of("ingest", "-q", missing.toString(), "--store", store());

    assertThat(run.exitCode()).isEqualTo(ExitCode.NOTHING_READ);
    assertThat(run.out()).contains("unreadable").contains("  not read: no such file or directory: " + missing);
    assertThat(run.err()).isEqualTo("trailsleuth: nothing could be read from " + missing + ": every file was rejected"
        + " or could not be read, for the reasons counted above" + System.lineSeparator());
  }

  @Test
  void exitsThreeWhenNoFileCouldBeRead() throws Exception {
    Path archive = Files.createDirectories(temp.resolve("archive"));
    Files.createSymbolicLink(archive.resolve("dangling.json.gz"), temp.resolve("gone.json.gz"));

    CliRun run = CliRun.of("ingest", "-q", archive.toString(), "--store", store());

    assertThat(run.exitCode()).isEqualTo(ExitCode.NOTHING_READ);
  }

  @Test
  void exitsFourUnderStrictWhenARecordWasRejectedAndZeroWithoutIt() throws Exception {
    Path archive = temp.resolve("archive");
    copy("single-record/record.json", archive, "good.json");
    Files.writeString(archive.resolve("bad.json"), "{\"Records\":[{\"eventName\":\"GetRole\"}]}");

    CliRun strict = CliRun.of("ingest", "-q", "--strict", archive.toString(), "--store", store());
    CliRun lenient = CliRun.of("ingest", "-q", archive.toString(), "--store", temp.resolve("store2").toString());

    assertThat(strict.exitCode()).isEqualTo(ExitCode.REJECTED_STRICT);
    assertThat(strict.out()).contains("rejected no-event-time: 1");
    assertThat(lenient.exitCode()).isEqualTo(ExitCode.OK);
  }

  @Test
  void refusesASecondIngestIntoALockedStoreWithAClearMessage() throws Exception {
    Path store = temp.resolve("store");
    try (StoreLock lock = StoreLock.acquire(CaseStore.createOrOpen(store))) {
      CliRun run = CliRun.of("ingest", "-q", fixture("single-record").toString(), "--store", store.toString());

      assertThat(run.exitCode()).isNotEqualTo(ExitCode.OK);
      assertThat(run.err()).contains("is locked by another trailsleuth ingest").contains("pid " + ProcessHandle.current().pid())
          .contains("wait for it to finish");
    }
    assertThat(CliRun.of("ingest", "-q", fixture("single-record").toString(), "--store", store.toString()).exitCode())
        .as("the lock is free again").isEqualTo(ExitCode.OK);
  }
}
