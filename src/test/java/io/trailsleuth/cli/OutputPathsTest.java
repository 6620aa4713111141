package io.trailsleuth.cli;

import static io.trailsleuth.pipeline.TestStores.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every command refuses, before any work, an output it cannot write or that would overwrite or join its inputs. */
final class OutputPathsTest {
  @TempDir
  Path temp;

  private Path archive;
  private Path logFile;
  private byte[] logBytes;

  @BeforeEach
  void archive() throws Exception {
    archive = Files.createDirectories(temp.resolve("archive"));
    logFile = archive.resolve("records.json");
    Files.copy(fixture("trail-records/compact.json"), logFile);
    logBytes = Files.readAllBytes(logFile);
  }

  @Test
  void investigateRefusesEachReportThatWouldOverwriteAnInputFile() throws Exception {
    for (String option : new String[] {"--out", "--json", "--html"}) {
      CliRun run = CliRun.of("investigate", archive.toString(), option, logFile.toString());

      assertThat(run.exitCode()).as(option).isEqualTo(ExitCode.USAGE);
      assertThat(run.err()).as(option).isEqualTo("trailsleuth: cannot write " + option + " " + logFile
          + ": it is an input file; trailsleuth never writes over its inputs" + System.lineSeparator());
      assertThat(run.out()).as(option).isEmpty();
      assertThat(Files.readAllBytes(logFile)).as(option).isEqualTo(logBytes);
    }
  }

  @Test
  void investigateRefusesAReportThatNamesAnInputFileGivenAlone() throws Exception {
    CliRun run = CliRun.of("investigate", logFile.toString(), "--out", logFile.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(Files.readAllBytes(logFile)).isEqualTo(logBytes);
  }

  @Test
  void refusesANewReportInsideAnInputDirectoryEvenThroughASymbolicLink() throws Exception {
    Path link = Files.createSymbolicLink(temp.resolve("link"), archive);
    Path report = link.resolve("sub/../report.md");

    CliRun run = CliRun.of("investigate", archive.toString(), "--out", link.resolve("report.md").toString());
    CliRun dotted = CliRun.of("investigate", archive.toString(), "--out", report.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("it lies inside the input directory " + archive.toRealPath());
    assertThat(dotted.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(archive.resolve("report.md")).doesNotExist();
  }

  @Test
  void refusesAStoreOrEvidencePackInsideTheInputTreeBeforeReadingAnything() {
    Path store = archive.resolve("sub");
    Path pack = archive.resolve("pack");

    CliRun investigate = CliRun.of("investigate", archive.toString(), "--store", store.toString());
    CliRun ingest = CliRun.of("ingest", archive.toString(), "--store", store.toString());
    CliRun sameDirectory = CliRun.of("ingest", archive.toString(), "--store", archive.toString());
    CliRun evidence = CliRun.of("investigate", archive.toString(), "--evidence", pack.toString());

    assertThat(investigate.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(investigate.err()).contains("cannot write --store " + store + ": it lies inside the input directory");
    assertThat(ingest.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(sameDirectory.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(sameDirectory.err()).contains("it is an input directory");
    assertThat(evidence.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(evidence.err()).contains("cannot write --evidence " + pack);
    assertThat(store).doesNotExist();
    assertThat(pack).doesNotExist();
    assertThat(archive).isDirectoryContaining(p -> p.equals(logFile)).satisfies(dir -> assertThat(
        Files.list(dir).count()).isEqualTo(1));
  }

  @Test
  void analyzeAndVerifyRefuseOutputsInsideTheArchiveTheyCheck() throws Exception {
    Path store = temp.resolve("store");
    assertThat(CliRun.of("ingest", archive.toString(), "--store", store.toString(), "-q").exitCode()).isZero();

    CliRun analyze = CliRun.of("analyze", "--store", store.toString(), "--verify", archive.toString(),
        "--json", archive.resolve("findings.json").toString());
    CliRun verify = CliRun.of("verify", archive.toString(), "--json", logFile.toString());

    assertThat(analyze.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(analyze.err()).contains("cannot write --json " + archive.resolve("findings.json"));
    assertThat(verify.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(verify.out()).isEmpty();
    assertThat(Files.readAllBytes(logFile)).isEqualTo(logBytes);
  }

  @Test
  void anOutputInAMissingDirectoryOrOnADirectoryIsAUsageErrorBeforeTheIngest() throws Exception {
    Path store = temp.resolve("store");
    Path missing = temp.resolve("no-such-dir/report.md");
    Path directory = Files.createDirectories(temp.resolve("reports"));

    CliRun inMissing = CliRun.of("investigate", archive.toString(), "--store", store.toString(), "--out",
        missing.toString());
    CliRun onDirectory = CliRun.of("investigate", archive.toString(), "--store", store.toString(), "--html",
        directory.toString());

    assertThat(inMissing.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(inMissing.err()).isEqualTo("trailsleuth: cannot write --out " + missing + ": the directory "
        + missing.getParent() + " does not exist; create it first" + System.lineSeparator());
    assertThat(onDirectory.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(onDirectory.err()).contains("cannot write --html " + directory + ": it is a directory");
    assertThat(store).doesNotExist();
  }

  @Test
  void refusesTwoOutputsInOneFileAndAReportInsideTheEvidencePack() throws Exception {
    Path report = temp.resolve("report.md");
    Path pack = Files.createDirectories(temp.resolve("pack"));

    CliRun same = CliRun.of("investigate", archive.toString(), "--out", report.toString(), "--json",
        temp.resolve("./report.md").toString());
    CliRun inPack = CliRun.of("investigate", archive.toString(), "--evidence", pack.toString(), "--html",
        pack.resolve("report.html").toString());

    assertThat(same.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(same.err()).contains("it is also the --out file; give each output its own file");
    assertThat(inPack.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(inPack.err()).contains("cannot write --html " + pack.resolve("report.html")
        + ": it lies inside the --evidence directory");
    assertThat(report).doesNotExist();
    assertThat(pack).isEmptyDirectory();
  }

  @Test
  void aStoreThatIsAFileIsAUsageError() throws Exception {
    Path file = Files.writeString(temp.resolve("not-a-directory"), "x");

    CliRun ingest = CliRun.of("ingest", archive.toString(), "--store", file.toString());
    CliRun investigate = CliRun.of("investigate", archive.toString(), "--store", file.toString());

    assertThat(ingest.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(ingest.err()).isEqualTo("trailsleuth: cannot write --store " + file
        + ": it is a file, not a directory; name a directory" + System.lineSeparator());
    assertThat(investigate.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(Files.readString(file)).isEqualTo("x");
  }

  @Test
  void aReportToStandardOutputIsRefusedInsteadOfWritingAFileNamedDash() {
    CliRun markdown = CliRun.of("investigate", archive.toString(), "--out", "-");
    CliRun html = CliRun.of("investigate", archive.toString(), "--html", "-");

    assertThat(markdown.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(markdown.err()).contains("cannot write --out -: standard output (-) is not supported here");
    assertThat(html.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(Path.of("-")).doesNotExist();
  }

  @Test
  void verifyWritesItsJsonToStandardOutputForDashAndItsSummaryToStandardError() throws Exception {
    Path trail = Files.createDirectories(temp.resolve("trail"));
    Files.copy(logFile, trail.resolve("123456789012_CloudTrail_us-east-1_20260303T1000Z_abcdEFGH12345678.json"));

    CliRun run = CliRun.of("verify", trail.toString(), "--json", "-");

    // no digest file among the inputs: nothing was checked, which verify says with exit 3
    assertThat(run.exitCode()).isEqualTo(ExitCode.NOTHING_READ);
    assertThat(run.out()).startsWith("{").contains("\"logFilesFound\"").doesNotContain("Evidence integrity:");
    assertThat(run.err()).contains("Evidence integrity:");
    assertThat(Path.of("-")).doesNotExist();
  }
}
