package io.trailsleuth.cli;

import static io.trailsleuth.pipeline.TestStores.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The output check refuses every place the ingest reads, also the files and directories that symbolic links inside an
 * input directory lead to, since the walk follows them.
 */
final class OutputPathsThroughLinksTest {
  @TempDir
  Path temp;

  private Path inputs;
  private Path outside;
  private Path logFile;
  private byte[] logBytes;

  @BeforeEach
  void inputsWithALinkLeadingOut() throws Exception {
    inputs = Files.createDirectories(temp.resolve("inputs"));
    outside = Files.createDirectories(temp.resolve("outside"));
    logFile = outside.resolve("records.json");
    Files.copy(fixture("trail-records/compact.json"), logFile);
    logBytes = Files.readAllBytes(logFile);
    link(inputs.resolve("linked"), outside);
  }

  @Test
  void refusesAStoreInADirectoryALinkInTheInputsLeadsTo() throws Exception {
    Path store = outside.resolve("store");

    CliRun ingest = CliRun.of("ingest", inputs.toString(), "--store", store.toString(), "-q");
    CliRun investigate = CliRun.of("investigate", inputs.toString(), "--store", store.toString(), "-q");

    assertThat(ingest.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(ingest.err()).isEqualTo("trailsleuth: cannot write --store " + store + ": it lies inside the input"
        + " directory " + outside.toRealPath() + " (reached through the symbolic link " + inputs.resolve("linked")
        + " in the input " + inputs + ", a link trailsleuth follows when reading), which trailsleuth only reads (and"
        + " would read it as input next time); write it outside the inputs" + System.lineSeparator());
    assertThat(investigate.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(store).doesNotExist();
  }

  @Test
  void refusesAReportThatWouldOverwriteAFileALinkInTheInputsLeadsTo() throws Exception {
    Path elsewhere = Files.createDirectories(temp.resolve("elsewhere"));
    Path linkedFile = elsewhere.resolve("single.json");
    Files.copy(logFile, linkedFile);
    link(inputs.resolve("single.json"), linkedFile);

    CliRun throughDirectory = CliRun.of("investigate", inputs.toString(), "--out", logFile.toString(), "-q");
    CliRun throughFile = CliRun.of("investigate", inputs.toString(), "--json", linkedFile.toString(), "-q");

    assertThat(throughDirectory.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(throughDirectory.err()).contains("cannot write --out " + logFile + ": it is an input file (reached"
        + " through the symbolic link " + inputs.resolve("linked"));
    assertThat(throughFile.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(throughFile.err()).contains("cannot write --json " + linkedFile + ": it is an input file (reached"
        + " through the symbolic link " + inputs.resolve("single.json"));
    assertThat(Files.readAllBytes(logFile)).isEqualTo(logBytes);
    assertThat(Files.readAllBytes(linkedFile)).isEqualTo(logBytes);
  }

  @Test
  void followsLinksInsideLinkedDirectoriesAsTheWalkDoes() throws Exception {
    Path further = Files.createDirectories(temp.resolve("further"));
    link(outside.resolve("onward"), further);
    Path pack = further.resolve("pack");

    CliRun run = CliRun.of("investigate", inputs.toString(), "--evidence", pack.toString(), "-q");

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("cannot write --evidence " + pack + ": it lies inside the input directory "
        + further.toRealPath() + " (reached through the symbolic link " + outside.toRealPath().resolve("onward"));
    assertThat(pack).doesNotExist();
  }

  @Test
  void verifyAndAnalyzeRefuseTheirJsonInADirectoryALinkInTheArchiveLeadsTo() throws Exception {
    Path json = outside.resolve("integrity.json");
    Path store = temp.resolve("store");
    assertThat(CliRun.of("ingest", inputs.toString(), "--store", store.toString(), "-q").exitCode()).isZero();

    CliRun verify = CliRun.of("verify", inputs.toString(), "--json", json.toString());
    CliRun analyze = CliRun.of("analyze", "--store", store.toString(), "--verify", inputs.toString(), "--json",
        json.toString());

    assertThat(verify.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(verify.err()).contains("cannot write --json " + json + ": it lies inside the input directory "
        + outside.toRealPath() + " (reached through the symbolic link " + inputs.resolve("linked"));
    assertThat(verify.out()).isEmpty();
    assertThat(analyze.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(json).doesNotExist();
  }

  @Test
  void acceptsAStoreBesideTheInputsThatNoLinkLeadsToDespiteBrokenAndLoopingLinks() throws Exception {
    link(inputs.resolve("broken.json"), temp.resolve("missing.json"));
    link(outside.resolve("loop"), inputs);
    Path store = temp.resolve("store");

    CliRun ingest = CliRun.of("ingest", inputs.toString(), "--store", store.toString(), "-q");

    assertThat(ingest.err()).doesNotContain("cannot write");
    assertThat(ingest.out()).contains("2 stored", "symbolic link loop at linked/loop");
    assertThat(store).isDirectory();
  }

  @Test
  void refusesAStoreInsideTheInputsNamedThroughALinkOutsideThem() throws Exception {
    Path entrance = link(temp.resolve("entrance"), inputs);
    Path store = entrance.resolve("new/store");

    CliRun run = CliRun.of("ingest", inputs.toString(), "--store", store.toString(), "-q");

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("cannot write --store " + store + ": it lies inside the input directory "
        + inputs.toRealPath() + ", which trailsleuth only reads");
    assertThat(inputs.resolve("new")).doesNotExist();
  }

  @Test
  void refusesAStoreInsideAnInputThatDoesNotExistYet() throws Exception {
    Path later = temp.resolve("cases/acme");
    Path store = later.resolve("store");

    CliRun ingest = CliRun.of("ingest", later.toString(), "--store", store.toString(), "-q");

    assertThat(ingest.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(ingest.err()).isEqualTo("trailsleuth: cannot write --store " + store + ": it lies inside the input "
        + temp.toRealPath().resolve("cases/acme") + ", which does not exist yet: trailsleuth reads whatever is there"
        + " when it walks its inputs; write it outside the inputs" + System.lineSeparator());
    assertThat(temp.resolve("cases")).doesNotExist();
  }

  @Test
  void refusesAStoreWhereABrokenLinkInTheInputsLeads() throws Exception {
    Path target = temp.resolve("later");
    link(inputs.resolve("later"), target);
    Path store = target.resolve("store");

    CliRun investigate = CliRun.of("investigate", inputs.toString(), "--store", store.toString(), "-q");

    assertThat(investigate.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(investigate.err()).isEqualTo("trailsleuth: cannot write --store " + store + ": it lies inside "
        + temp.toRealPath().resolve("later") + ", where the symbolic link " + inputs.resolve("later") + " in the input "
        + inputs + " leads (trailsleuth follows it when reading), which does not exist yet: trailsleuth reads whatever"
        + " is there when it walks its inputs; write it outside the inputs" + System.lineSeparator());
    assertThat(target).doesNotExist();
  }

  @Test
  void refusesAStoreWhereAChainOfLinksOrABrokenInputLinkLeads() throws Exception {
    // a link in the inputs to a link to a missing directory, and an input that is itself a link to a missing one
    Path hop = link(temp.resolve("hop"), temp.resolve("final"));
    link(inputs.resolve("chain"), hop);
    Path current = link(temp.resolve("current"), temp.resolve("case"));

    CliRun chained = CliRun.of("ingest", inputs.toString(), "--store", temp.resolve("final/store").toString(), "-q");
    CliRun named = CliRun.of("ingest", current.toString(), "--store", temp.resolve("case/store").toString(), "-q");

    assertThat(chained.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(chained.err()).contains("it lies inside " + temp.toRealPath().resolve("final") + ", where the symbolic"
        + " link " + inputs.resolve("chain"));
    assertThat(named.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(named.err()).contains("it lies inside the input " + temp.toRealPath().resolve("case")
        + ", which does not exist yet");
    assertThat(temp.resolve("final")).doesNotExist();
    assertThat(temp.resolve("case")).doesNotExist();
  }

  @Test
  void acceptsAStoreWhereABrokenLinkWouldLeadOnlyOnceAMissingDirectoryWereMade() throws Exception {
    // gone/../shared resolves only once gone exists; until then the walk reads nothing through the link
    Path shared = Files.createDirectories(temp.resolve("shared"));
    link(inputs.resolve("later"), temp.resolve("gone/../shared"));
    Path store = shared.resolve("store");

    CliRun ingest = CliRun.of("ingest", inputs.toString(), "--store", store.toString(), "-q");

    assertThat(ingest.err()).doesNotContain("cannot write");
    assertThat(store).isDirectory();
  }

  /** Makes a symbolic link, or skips the test where the file system cannot. */
  private static Path link(Path link, Path target) {
    try {
      return Files.createSymbolicLink(link, target);
    } catch (IOException | UnsupportedOperationException e) {
      assumeTrue(false, "symbolic links are not supported here: " + e);
      return link;
    }
  }
}
