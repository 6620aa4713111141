package io.trailsleuth.robustness;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.trailsleuth.pipeline.IngestSummary;
import io.trailsleuth.pipeline.TestStores;
import io.trailsleuth.store.SourceEntry;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file that changes while it is read (a sync still writing it) is rejected whole as changed-while-reading:
 * none of its records are kept, the accounting stays exact, and ingesting it again once it is still reads it.
 */
final class ChangingFileTest {
  @TempDir
  Path temp;

  @Test
  void rejectsAFileThatGrowsWhileItIsReadAndReadsItWholeOnceItIsStill() throws Exception {
    Path archive = Files.createDirectories(temp.resolve("archive"));
    Path growing = archive.resolve("growing.jsonl");
    Files.writeString(growing, Records.lines(Records.records(0, 60_000), "\n"), UTF_8);
    Files.writeString(archive.resolve("still.json"), Records.trail(Records.records(1_000_000_000, 2)), UTF_8);
    AtomicBoolean writing = new AtomicBoolean(true);
    AtomicInteger appended = new AtomicInteger();
    Thread writer = new Thread(() -> {
      try (FileChannel channel = FileChannel.open(growing, StandardOpenOption.APPEND)) {
        while (writing.get()) {
          channel.write(ByteBuffer.wrap((Records.record(60_000 + appended.getAndIncrement()) + "\n").getBytes(UTF_8)));
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    writer.start();
    IngestSummary whileWriting;
    try {
      whileWriting = TestStores.ingest(temp.resolve("store"), archive);
    } finally {
      writing.set(false);
      writer.join();
    }

    SourceEntry changed = TestStores.entries(temp.resolve("store"), whileWriting).stream().filter(e -> e.sourceFile().equals("growing.jsonl")).findFirst().orElseThrow();
    assertThat(changed.status()).isEqualTo("rejected");
    assertThat(changed.recordsRead()).isEqualTo(1);
    assertThat(changed.stored()).isZero();
    assertThat(whileWriting.stored()).isEqualTo(2);
    assertThat(whileWriting.recordsRead()).isEqualTo(whileWriting.stored() + whileWriting.duplicates() + whileWriting.rejected());
    Map<String, Object> reject = TestStores.rows(temp.resolve("store"), "SELECT * FROM rejects").get(0);
    assertThat(reject).containsEntry("source_file", "growing.jsonl").containsEntry("reason_code", "changed-while-reading");
    assertThat((String) reject.get("reason")).contains("growing.jsonl changed while it was read").contains("none of its records were kept")
        .contains("Ingest it again once nothing is writing it");

    IngestSummary afterwards = TestStores.ingest(temp.resolve("store"), archive);

    assertThat(afterwards.stored()).isEqualTo(60_000L + appended.get());
    assertThat(afterwards.rejected()).isZero();
  }
}
