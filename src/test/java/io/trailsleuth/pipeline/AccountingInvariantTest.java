package io.trailsleuth.pipeline;

import static io.trailsleuth.pipeline.TestStores.count;
import static io.trailsleuth.pipeline.TestStores.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The accounting invariant over random small archives with injected faults: for every file and in total,
 * read = stored + duplicates + rejected, and each count is the one the generator expects. Seeded, so a
 * failure names the seed that reproduces it.
 */
final class AccountingInvariantTest {
  private enum Wrapper { RECORDS, BARE_ARRAY, JSON_LINES, CLOUDWATCH }

  private enum Kind { NEW, REPEAT, NO_TIME, WRONG_TYPE }

  @TempDir
  Path temp;

  @TestFactory
  Stream<DynamicTest> everyRecordReadIsStoredDuplicateOrRejected() {
    return LongStream.rangeClosed(1, 10).mapToObj(seed -> dynamicTest("seed " + seed, () -> check(seed)));
  }

  /** What the generator put into one archive, and what the ingest must report for it. */
  private static final class Expected {
    final Map<String, Long> readPerFile = new java.util.TreeMap<>();
    final Set<String> idsRead = new HashSet<>();
    final List<String> allIds = new ArrayList<>();
    /** SHA-256 of every file written by earlier runs: the ingest skips such files as unchanged. */
    final Set<String> earlierFiles = new HashSet<>();
    final Set<String> files = new HashSet<>();
    long goodRead;
    long rejected;
  }

  private void check(long seed) throws Exception {
    Random random = new Random(seed);
    Path store = temp.resolve("store-" + seed);
    Expected expected = new Expected();
    Set<String> storedBefore = new HashSet<>();
    for (int run = 1; run <= 2; run++) {
      Path archive = temp.resolve("archive-" + seed + "-" + run);
      Expected thisRun = new Expected();
      thisRun.allIds.addAll(expected.allIds);
      thisRun.earlierFiles.addAll(expected.earlierFiles);
      writeArchive(random, archive, thisRun);

      IngestSummary summary = TestStores.ingest(store, archive);

      Set<String> newIds = new HashSet<>(thisRun.idsRead);
      newIds.removeAll(storedBefore);
      assertThat(summary.recordsRead()).as("seed %d run %d read", seed, run)
          .isEqualTo(summary.stored() + summary.duplicates() + summary.rejected());
      assertThat(summary.stored()).as("seed %d run %d stored", seed, run).isEqualTo(newIds.size());
      assertThat(summary.rejected()).as("seed %d run %d rejected", seed, run).isEqualTo(thisRun.rejected);
      assertThat(summary.duplicates()).as("seed %d run %d duplicates", seed, run)
          .isEqualTo(thisRun.goodRead - newIds.size());
      TestStores.entries(store, summary).forEach(entry -> assertThat(entry.recordsRead()).as("seed %d %s", seed, entry.sourceFile())
          .isEqualTo(thisRun.readPerFile.get(entry.sourceFile())));
      storedBefore.addAll(thisRun.idsRead);
      expected.allIds.clear();
      expected.allIds.addAll(thisRun.allIds);
      expected.earlierFiles.addAll(thisRun.files);
    }
    assertThat(count(store, "SELECT count(*) FROM events")).isEqualTo(storedBefore.size());
    assertThat(count(store, "SELECT count(DISTINCT event_id) FROM events")).isEqualTo(storedBefore.size());
    assertThat(count(store, "SELECT sum(stored) FROM sources")).isEqualTo(storedBefore.size());
    assertThat(count(store, "SELECT sum(rejected) FROM sources")).isEqualTo(count(store, "SELECT count(*) FROM rejects"));
    assertThat(rows(store, "SELECT source_file FROM sources WHERE records_read <> stored + duplicates + rejected")).isEmpty();
  }

  private static void writeArchive(Random random, Path archive, Expected expected) throws Exception {
    Files.createDirectories(archive);
    int files = 1 + random.nextInt(5);
    for (int f = 0; f < files; f++) {
      Wrapper wrapper = Wrapper.values()[random.nextInt(Wrapper.values().length)];
      String name = "file-" + f + (wrapper == Wrapper.CLOUDWATCH ? ".log" : ".json");
      if (random.nextInt(12) == 0) {
        commit(expected, archive.resolve(name), new byte[0], 1, 1, 0, Set.of());
        continue;
      }
      int records = random.nextInt(9);
      int faultAt = random.nextInt(4) == 0 ? random.nextInt(records + 1) : -1;
      List<String> values = new ArrayList<>();
      long read = 0;
      long rejected = 0;
      long goodRead = 0;
      Set<String> ids = new HashSet<>();
      boolean cut = false;
      for (int i = 0; i < records; i++) {
        if (i == faultAt) {
          values.add("{\"eventTime\": oops}");
          read++;
          rejected++;
          // CloudWatch lines and JSON Lines after their first value lose only the broken line; elsewhere the rest
          // of the file is one reject
          if (wrapper != Wrapper.CLOUDWATCH && !(wrapper == Wrapper.JSON_LINES && i > 0)) {
            cut = true;
          }
        }
        Kind kind = Kind.values()[random.nextInt(Kind.values().length)];
        String id;
        if (kind == Kind.REPEAT && !expected.allIds.isEmpty()) {
          id = expected.allIds.get(random.nextInt(expected.allIds.size()));
        } else {
          id = String.format("0000%04d-0000-4000-8000-%012d", expected.allIds.size(), random.nextInt(1_000_000));
          expected.allIds.add(id);
        }
        values.add(record(kind, id, random));
        if (!cut) {
          read++;
          if (kind == Kind.NO_TIME || kind == Kind.WRONG_TYPE) {
            rejected++;
          } else {
            goodRead++;
            ids.add(id);
          }
        }
      }
      if (faultAt == records && records > 0) {
        values.add("{\"eventTime\": oops}");
        read++;
        rejected++;
      }
      boolean linesWithoutValues = values.isEmpty() && (wrapper == Wrapper.JSON_LINES || wrapper == Wrapper.CLOUDWATCH);
      if (linesWithoutValues) {
        read = 1;
        rejected = 1;
      }
      byte[] content = wrap(wrapper, values).getBytes(StandardCharsets.UTF_8);
      if (random.nextBoolean()) {
        content = Files.readAllBytes(TestStores.gzip(content, archive.resolve(name)));
      }
      commit(expected, archive.resolve(name), content, read, rejected, goodRead, ids);
    }
  }

  /** Writes a file and adds what it holds to the expectation, unless an earlier run read the same bytes. */
  private static void commit(Expected expected, Path file, byte[] content, long read, long rejected, long goodRead,
      Set<String> ids) throws Exception {
    Files.write(file, content);
    String sha256 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
    expected.files.add(sha256);
    if (expected.earlierFiles.contains(sha256)) {
      return;
    }
    expected.readPerFile.put(file.getFileName().toString(), read);
    expected.rejected += rejected;
    expected.goodRead += goodRead;
    expected.idsRead.addAll(ids);
  }

  private static String record(Kind kind, String id, Random random) {
    String time = kind == Kind.NO_TIME ? "" : "\"eventTime\":\"2025-03-0" + (1 + random.nextInt(3)) + "T10:00:00Z\",";
    String identity = kind == Kind.WRONG_TYPE ? "\"alice\"" : "{\"type\":\"IAMUser\",\"userName\":\"alice\"}";
    return "{\"eventVersion\":\"1.08\",\"userIdentity\":" + identity + "," + time
        + "\"eventSource\":\"iam.amazonaws.com\",\"eventName\":\"GetUser\",\"eventID\":\"" + id + "\",\"readOnly\":true}";
  }

  private static String wrap(Wrapper wrapper, List<String> values) {
    return switch (wrapper) {
      case RECORDS -> "{\"Records\":[" + String.join(",", values) + "]}";
      case BARE_ARRAY -> "[" + String.join(",\n", values) + "]";
      case JSON_LINES -> String.join("\n", values) + "\n";
      case CLOUDWATCH -> values.stream().map(v -> "2025-03-04T10:00:00.000Z " + v + "\n").reduce("", String::concat);
    };
  }
}
