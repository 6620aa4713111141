package io.trailsleuth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The temporary store of {@code investigate} is deleted when the command is stopped (Ctrl-C, kill) mid-run, and, when
 * it is killed outright, by the next run.
 */
final class TemporaryStoreTest {
  @TempDir
  Path temp;

  @Test
  void anInterruptedInvestigateLeavesNoTemporaryStoreBehind() throws Exception {
    Path javaTemp = Files.createDirectories(temp.resolve("tmp"));
    // standard input stays open, so the ingest waits for it with its temporary store in place
    Process process = start(javaTemp, "investigate", "-q", "-");
    try {
      Path store = awaitStore(javaTemp, process);
      assertThat(store.resolve("store").resolve("trailsleuth-store.json")).exists();

      process.destroy();
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    } finally {
      process.destroyForcibly();
    }

    assertThat(storesIn(javaTemp)).as(Files.readString(temp.resolve("err.txt"))).isEmpty();
  }

  @Test
  void aRunRemovesTheTemporaryStoreOfAKilledRun() throws Exception {
    Path javaTemp = Files.createDirectories(temp.resolve("tmp"));
    Process killed = start(javaTemp, "investigate", "-q", "-");
    try {
      awaitStore(javaTemp, killed);
      killed.destroyForcibly(); // SIGKILL: no shutdown hook runs
      assertThat(killed.waitFor(60, TimeUnit.SECONDS)).isTrue();
    } finally {
      killed.destroyForcibly();
    }
    assertThat(storesIn(javaTemp)).hasSize(1);
    Files.createDirectories(temp.resolve("inputs"));
    Files.copy(io.trailsleuth.pipeline.TestStores.fixture("trail-records/compact.json"),
        temp.resolve("inputs").resolve("records.json"));

    Process next = start(javaTemp, "investigate", "-q", temp.resolve("inputs").toString(), "--out",
        temp.resolve("report.md").toString());
    next.getOutputStream().close();

    assertThat(next.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(next.exitValue()).as(Files.readString(temp.resolve("err.txt"))).isZero();
    assertThat(storesIn(javaTemp)).isEmpty();
    assertThat(namedIn(javaTemp, "trailsleuth-duckdb-")).isEmpty();
  }

  @Test
  void refusesATemporaryStoreThatWouldLieInsideAnInputDirectoryBeforeMakingOrSweepingAnythingThere() throws Exception {
    Path inputs = Files.createDirectories(temp.resolve("inputs"));
    Files.copy(io.trailsleuth.pipeline.TestStores.fixture("trail-records/compact.json"), inputs.resolve("records.json"));
    Path javaTemp = Files.createDirectories(inputs.resolve("tmp"));
    // an abandoned temporary store, unlocked: a run that made its own store there would sweep it away
    Path abandoned = Files.createDirectories(javaTemp.resolve("trailsleuth-store-abandoned"));
    Files.writeString(abandoned.resolve(".trailsleuth-owner.lock"), "");

    for (List<String> command : List.of(List.of("investigate", "-q", inputs.toString()),
        List.of("timeline", inputs.toString()))) {
      Process process = start(javaTemp, command.toArray(String[]::new));
      process.getOutputStream().close();

      assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).as(command.get(0)).isEqualTo(ExitCode.USAGE);
      assertThat(Files.readString(temp.resolve("err.txt"))).as(command.get(0)).contains("cannot write its temporary store"
          + " (name one outside the inputs with --store DIR) " + javaTemp.resolve("trailsleuth-store")
          + ": it lies inside the input directory " + inputs.toRealPath());
      try (Stream<Path> made = Files.list(javaTemp)) {
        assertThat(made.map(path -> path.getFileName().toString())).as(command.get(0))
            .containsExactly("trailsleuth-store-abandoned");
      }
      assertThat(abandoned).as(command.get(0)).isDirectory();
    }
  }

  @Test
  void refusesToSpillIntoATemporaryDirectoryInsideAnInputWithANamedStoreToo() throws Exception {
    Path inputs = Files.createDirectories(temp.resolve("inputs"));
    Files.copy(io.trailsleuth.pipeline.TestStores.fixture("trail-records/compact.json"), inputs.resolve("records.json"));
    Path javaTemp = Files.createDirectories(inputs.resolve("tmp"));
    Path store = temp.resolve("store");

    Process process = start(javaTemp, "investigate", "-q", inputs.toString(), "--store", store.toString());
    process.getOutputStream().close();

    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isEqualTo(ExitCode.USAGE);
    assertThat(Files.readString(temp.resolve("err.txt"))).contains("cannot write its temporary files (DuckDB's spill"
        + " directory; set TMPDIR outside the inputs) " + javaTemp.resolve("trailsleuth-duckdb")
        + ": it lies inside the input directory " + inputs.toRealPath());
    try (Stream<Path> made = Files.list(javaTemp)) {
      assertThat(made).isEmpty();
    }
    assertThat(store).doesNotExist();
  }

  /** Runs trailsleuth in a child JVM whose temporary directory is {@code javaTemp}; its output goes to files. */
  private Process start(Path javaTemp, String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Djava.io.tmpdir=" + javaTemp,
        "--add-opens=java.base/java.nio=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
        Main.class.getName()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectOutput(temp.resolve("out.txt").toFile())
        .redirectError(temp.resolve("err.txt").toFile()).start();
  }

  private static Path awaitStore(Path directory, Process process) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(deadline) && process.isAlive()) {
      List<Path> stores = storesIn(directory);
      if (!stores.isEmpty() && hasStaging(stores.get(0))) {
        Thread.sleep(200);
        return stores.get(0);
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no temporary store appeared in " + directory + " (process alive: " + process.isAlive() + ")");
  }

  private static boolean hasStaging(Path store) throws Exception {
    if (!Files.isDirectory(store.resolve("store"))) {
      return false;
    }
    try (Stream<Path> list = Files.list(store.resolve("store"))) {
      return list.anyMatch(p -> p.getFileName().toString().startsWith(".staging-"));
    }
  }

  private static List<Path> storesIn(Path directory) throws Exception {
    return namedIn(directory, "trailsleuth-store-");
  }

  private static List<Path> namedIn(Path directory, String prefix) throws Exception {
    try (Stream<Path> list = Files.list(directory)) {
      return list.filter(p -> p.getFileName().toString().startsWith(prefix)).toList();
    }
  }
}
