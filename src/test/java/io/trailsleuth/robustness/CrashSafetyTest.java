package io.trailsleuth.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trailsleuth.cli.Main;
import io.trailsleuth.generate.ArchiveGenerator;
import io.trailsleuth.generate.GenerateOptions;
import io.trailsleuth.generate.Scenario;
import io.trailsleuth.pipeline.TestStores;
import io.trailsleuth.store.StoreBusyException;
import io.trailsleuth.store.StoreFormat;
import io.trailsleuth.store.StoreLayout;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An ingest killed with SIGKILL at any moment leaves a store that opens and holds either the state before
 * it or the complete state after it, and a re-run ends with exactly the content of an uninterrupted run.
 * The kill moments are seeded, so a failure names the moment that reproduces it.
 */
final class CrashSafetyTest {
  private static final long SEED = 7;
  private static final int KILLS = 3;

  @TempDir
  static Path shared;

  static Path earlier;
  static Path later;

  @BeforeAll
  static void archives() throws Exception {
    earlier = shared.resolve("earlier");
    later = shared.resolve("later");
    Instant start = Instant.parse("2025-03-01T00:00:00Z");
    ArchiveGenerator.generate(new GenerateOptions(Scenario.NOISE, 3, 2_000, earlier, start, 2));
    ArchiveGenerator.generate(new GenerateOptions(Scenario.RECREATED_ROLE, 1, 4_000, later, start.plusSeconds(3 * 86_400), 3));
  }

  /** What a store holds, independent of run ids and timing. */
  private static List<Map<String, Object>> content(Path store) throws Exception {
    return TestStores.rows(store, "SELECT "
        + "(SELECT count(*) FROM events) AS events, "
        + "(SELECT sum(hash(event_id, event_time, event_name, source_file, source_record)) FROM events) AS events_hash, "
        + "(SELECT count(*) FROM sources) AS sources, "
        + "(SELECT sum(hash(source_file, sha256, records_read, stored, duplicates, rejected)) FROM sources) AS sources_hash, "
        + "(SELECT count(*) FROM rejects) AS rejects");
  }

  private static Path storeWithEarlierState(Path temp, String name) throws Exception {
    Path store = temp.resolve(name);
    TestStores.ingest(store, earlier);
    return store;
  }

  @Test
  void aKilledIngestLeavesTheEarlierOrTheCompleteLaterStateAndAReRunFinishesTheJob(@TempDir Path temp) throws Exception {
    Path reference = storeWithEarlierState(temp, "reference");
    List<Map<String, Object>> before = content(reference);
    long started = System.nanoTime();
    Process uninterrupted = ChildJvm.start(temp, "reference", ChildJvm.command("ingest", later.toString(),
        "--store", reference.toString(), "--quiet", "--threads", "2"));
    assertThat(uninterrupted.waitFor(5, TimeUnit.MINUTES)).isTrue();
    long durationMillis = (System.nanoTime() - started) / 1_000_000;
    assertThat(uninterrupted.exitValue()).as(Files.readString(temp.resolve("reference.err"))).isZero();
    List<Map<String, Object>> after = content(reference);
    assertThat(after).isNotEqualTo(before);

    Random random = new Random(SEED);
    int sawEarlier = 0;
    for (int kill = 0; kill < KILLS; kill++) {
      long delay = (long) (random.nextDouble() * durationMillis);
      Path store = storeWithEarlierState(temp, "killed-" + kill);
      Process child = ChildJvm.start(temp, "killed-" + kill, ChildJvm.command("ingest", later.toString(),
          "--store", store.toString(), "--quiet", "--threads", "2"));
      Thread.sleep(delay);
      child.destroyForcibly();
      assertThat(child.waitFor(1, TimeUnit.MINUTES)).isTrue();

      List<Map<String, Object>> found = content(store);
      assertThat(found).as("seed %d kill %d after %d ms of %d", SEED, kill, delay, durationMillis).isIn(before, after);
      sawEarlier += found.equals(before) ? 1 : 0;

      Process rerun = ChildJvm.start(temp, "rerun-" + kill, ChildJvm.command("ingest", later.toString(),
          "--store", store.toString(), "--quiet", "--threads", "2"));
      assertThat(rerun.waitFor(5, TimeUnit.MINUTES)).isTrue();
      assertThat(rerun.exitValue()).as(Files.readString(temp.resolve("rerun-" + kill + ".err"))).isZero();
      assertThat(content(store)).as("re-run after kill %d at %d ms", kill, delay).isEqualTo(after);
      try (Stream<Path> list = Files.list(store)) {
        assertThat(list.map(p -> p.getFileName().toString())).noneMatch(name -> name.startsWith(".staging-"));
      }
    }
    assertThat(sawEarlier).as("at least one kill landed before the commit").isPositive();
  }

  @Test
  void refusesASecondIngestWhileAnotherProcessHoldsTheLock(@TempDir Path temp) throws Exception {
    Path store = storeWithEarlierState(temp, "store");
    Process holder = ChildJvm.start(temp, "holder", ChildJvm.command("ingest", "-", "--store", store.toString(), "--quiet"));
    Path lockFile = new StoreLayout(store, StoreFormat.CURRENT).lockFile();
    String holderMark = "pid " + holder.pid();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!(Files.exists(lockFile) && Files.readString(lockFile).strip().equals(holderMark))) {
      assertThat(holder.isAlive()).as("the child ingest waits on its standard input").isTrue();
      assertThat(System.nanoTime()).as("the child took the lock in time").isLessThan(deadline);
      Thread.sleep(50);
    }

    assertThatThrownBy(() -> TestStores.ingest(store, later)).isInstanceOf(StoreBusyException.class)
        .hasMessageContaining(holderMark).hasMessageContaining("wait for it to finish, then run again");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), "ingest", later.toString(), "--store", store.toString(), "-q");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).startsWith("trailsleuth: store ").contains("is locked by another trailsleuth ingest")
        .contains(holderMark).doesNotContain("\tat ");

    try (OutputStream stdin = holder.getOutputStream()) {
      stdin.write((Records.record(1) + "\n").getBytes(StandardCharsets.UTF_8));
    }
    boolean ended = holder.waitFor(2, TimeUnit.MINUTES);
    if (!ended) {
      holder.destroyForcibly();
    }
    assertThat(ended).as("the child ended: %s", Files.readString(temp.resolve("holder.err"))).isTrue();
    assertThat(holder.exitValue()).as(Files.readString(temp.resolve("holder.err"))).isZero();
    assertThat(TestStores.count(store, "SELECT count(*) FROM events WHERE event_id = ?", Records.eventId(1))).isEqualTo(1);
  }
}
