package io.trailsleuth.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailsleuth.pipeline.IngestSummary;
import io.trailsleuth.pipeline.TestStores;
import io.trailsleuth.store.CaseStore;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Spark ingest killed while it writes its events leaves no visible run, and running it again completes the store. */
final class KilledJobTest {
  @TempDir
  Path temp;

  @Test
  void jobKilledWhileWritingEventsLeavesNoVisibleRun() throws Exception {
    Path archive = temp.resolve("archive");
    MixedArchive.write(archive, temp.resolve("unused-root"), 5_000);
    Path store = temp.resolve("store");
    Path stagedEvents = store.resolve(".staging-run-000001/run-000001/events");

    Process job = new ProcessBuilder(childCommand(archive.toString(), "--store", store.toString(), "--master", "local[1]",
        "-q"))
        .redirectOutput(temp.resolve("job.out").toFile())
        .redirectError(temp.resolve("job.err").toFile())
        .start();
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (!Files.exists(stagedEvents) && job.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    boolean killedMidway = job.isAlive() && Files.exists(stagedEvents);
    job.destroyForcibly().waitFor();

    assertThat(killedMidway).as("the job was killed while writing its events; stderr: "
        + Files.readString(temp.resolve("job.err"))).isTrue();
    assertThat(CaseStore.openExisting(store).committedRuns()).isEmpty();
    assertThat(Files.exists(store.resolve("runs/run-000001"))).isFalse();

    IngestSummary rerun = LocalSpark.ingest(store, archive);
    Path ingested = temp.resolve("ingested");
    TestStores.ingest(ingested, archive);

    assertThat(rerun.runId()).isEqualTo("run-000001");
    assertThat(Files.exists(store.resolve(".staging-run-000001"))).isFalse();
    assertThat(StoreComparison.eventDifferences(ingested, store)).isEmpty();
  }

  /** {@code SparkIngest ARGS} in a child JVM on this test's class path and module flags, so the test can kill it. */
  private static List<String> childCommand(String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String argument : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (argument.startsWith("--add-opens") || argument.startsWith("-XX:+Ignore") || argument.startsWith("-Dio.netty")
          || argument.startsWith("-Djdk.reflect")) {
        command.add(argument);
      }
    }
    command.add("-Xmx1g");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(SparkIngest.class.getName());
    command.addAll(List.of(args));
    return command;
  }
}
