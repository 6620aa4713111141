package io.trailsleuth.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailsleuth.cli.SparkIngestCommand;
import io.trailsleuth.pipeline.TestStores;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code spark-ingest} with a local store refuses, before Spark starts, a store inside a local input directory, named
 * as a path or as a {@code file:} URI, as {@code ingest} does: the next run would read the store as input.
 */
final class SparkIngestStoreCheckTest {
  @TempDir
  Path temp;

  @Test
  void refusesALocalStoreInsideAnInputDirectoryBeforeSparkStarts() throws Exception {
    Path archive = archive();
    Path store = archive.resolve("store");

    Outcome asPath = run(archive.toString(), "--store", store.toString(), "--master", "local[1]", "-q");
    Outcome asUri = run(archive.toUri().toString(), "--store", store.toUri().toString(), "--master", "local[1]",
        "-q");

    assertThat(asPath.exitCode()).isEqualTo(2);
    assertThat(asPath.err()).isEqualTo("trailsleuth: cannot write --store " + store + ": it lies inside the input"
        + " directory " + archive.toRealPath() + ", which trailsleuth only reads (and would read it as input next"
        + " time); write it outside the inputs" + System.lineSeparator());
    assertThat(asPath.out()).isEmpty();
    assertThat(asUri.exitCode()).isEqualTo(2);
    assertThat(asUri.err()).contains("cannot write --store ", "it lies inside the input directory "
        + archive.toRealPath());
    assertThat(store).doesNotExist();
    assertThat(archive).isDirectoryContaining(path -> path.getFileName().toString().equals("records.json"))
        .satisfies(directory -> assertThat(Files.list(directory).count()).isEqualTo(1));
  }

  @Test
  void refusesALocalStoreThatIsAnInputFile() throws Exception {
    Path records = archive().resolve("records.json");
    byte[] before = Files.readAllBytes(records);

    Outcome run = run(records.toString(), "--store", records.toString(), "--master", "local[1]", "-q");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("cannot write --store " + records + ": it is a file, not a directory");
    assertThat(Files.readAllBytes(records)).isEqualTo(before);
  }

  private Path archive() throws Exception {
    Path archive = Files.createDirectories(temp.resolve("archive"));
    Files.copy(TestStores.fixture("trail-records/compact.json"), archive.resolve("records.json"));
    return archive;
  }

  private static Outcome run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = SparkIngestCommand.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Outcome(code, out.toString(), err.toString());
  }

  /** What one run printed and returned. */
  private record Outcome(int exitCode, String out, String err) {}
}
