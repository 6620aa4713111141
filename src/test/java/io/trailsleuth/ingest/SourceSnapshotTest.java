package io.trailsleuth.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailsleuth.model.EventRow;
import io.trailsleuth.model.EventSink;
import io.trailsleuth.model.Reject;
import io.trailsleuth.model.SnapshotItem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One reused buffer captures files of every size whole: the hash, size and parsed content are each file's own. */
final class SourceSnapshotTest {
  @TempDir
  Path directory;

  @Test
  void hashesAndKeepsEveryByteOfFilesSmallerAndLargerThanOneReadAndTheKeptArray() throws Exception {
    SnapshotBuffer buffer = new SnapshotBuffer();
    SplittableRandom random = new SplittableRandom(13);
    for (int size : List.of(0, 1, 70_000, 3 * (1 << 20) + 5, SnapshotBuffer.KEPT_BYTES + 17, 10)) {
      byte[] content = new byte[size];
      random.nextBytes(content);
      Path file = Files.write(directory.resolve("f-" + size), content);
      try (SourceSnapshot snapshot = SourceSnapshot.take(file, "f-" + size, directory.resolve("scratch"), buffer)) {
        assertThat(snapshot.usable()).isTrue();
        assertThat(snapshot.sizeBytes()).isEqualTo(size);
        assertThat(snapshot.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
      }
    }
  }

  @Test
  void passesAFileOfManyReadsWholeToTheReader() throws Exception {
    StringBuilder document = new StringBuilder("{\"Records\":[");
    int records = 12_000;
    for (int i = 0; i < records; i++) {
      document.append(i == 0 ? "" : ",").append("{\"eventVersion\":\"1.08\",\"eventTime\":\"2026-03-03T10:05:00Z\",")
          .append("\"eventSource\":\"kms.amazonaws.com\",\"eventName\":\"Decrypt\",\"eventID\":\"e-").append(i)
          .append("\",\"requestParameters\":{\"keyId\":\"").append("k".repeat(60)).append("\"}}");
    }
    byte[] content = document.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    assertThat(content.length).isGreaterThan(1 << 20);
    Path file = Files.write(directory.resolve("AWSLogs-large.json"), content);
    long[] accepted = new long[1];
    EventSink sink = new EventSink() {
      @Override
      public void accept(EventRow row) {
        accepted[0]++;
      }

      @Override
      public void reject(Reject reject) {
        throw new AssertionError(reject.reason());
      }

      @Override
      public void snapshot(SnapshotItem item) {
        throw new AssertionError("no snapshot items expected");
      }
    };
    try (SourceSnapshot snapshot = SourceSnapshot.take(file, "AWSLogs-large.json", directory, new SnapshotBuffer())) {
      FileReadResult result = snapshot.read(new SourceReader(JsonSettings.mapper(), 1L << 30), "AWSLogs-large.json", sink);
      assertThat(result.accepted()).isEqualTo(records);
      assertThat(result.decompressedBytes()).isEqualTo(content.length);
    }
    assertThat(accepted[0]).isEqualTo(records);
  }
}
