package io.trailsleuth.robustness;

import static io.trailsleuth.pipeline.TestStores.gzip;
import static io.trailsleuth.pipeline.TestStores.ingest;
import static io.trailsleuth.pipeline.TestStores.value;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rejected file's reason and shape say what is wrong with it, and nothing that is not. */
final class RejectReasonsTest {
  @TempDir
  Path temp;

  @Test
  void gzipOfZerosIsRejectedAsGzipWhoseContentIsNotJsonNotAsUncompressed() throws Exception {
    Path input = Files.createDirectories(temp.resolve("in"));
    gzip(new byte[100_000], input.resolve("zeros.json.gz"));
    Path store = temp.resolve("store");

    ingest(store, input);

    assertThat((String) value(store, "SELECT reason FROM rejects"))
        .contains("it is gzip-compressed, but what it decompresses to is not JSON")
        .doesNotContain("not gzip-compressed");
  }

  @Test
  void zerosNamedGzAreStillRejectedAsNotGzipCompressed() throws Exception {
    Path input = Files.createDirectories(temp.resolve("in"));
    Files.write(input.resolve("zeros.json.gz"), new byte[1000]);
    Path store = temp.resolve("store");

    ingest(store, input);

    assertThat((String) value(store, "SELECT reason FROM rejects")).contains("not gzip-compressed although its name ends in .gz");
  }

  @Test
  void aGzipHeaderCutShortIsAnUnreadableFileNotOtherJson() throws Exception {
    Path input = Files.createDirectories(temp.resolve("in"));
    Path whole = gzip("{\"Records\":[]}".getBytes(), temp.resolve("whole.json.gz"));
    Files.write(input.resolve("cut.json.gz"), Arrays.copyOf(Files.readAllBytes(whole), 3));
    Path store = temp.resolve("store");

    ingest(store, input);

    assertThat(value(store, "SELECT shape FROM sources")).isEqualTo("unreadable");
    assertThat(value(store, "SELECT reason_code FROM rejects")).isEqualTo("truncated");
  }
}
