package io.trailsleuth.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailsleuth.pipeline.TestStores;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Under the C locale (a container without LANG) the JVM spells a non-ASCII file name with '?': the ingest still opens
 * the file the walk found, by the walk's own path, and stores its records.
 */
final class NonAsciiNamesTest {
  @TempDir
  Path temp;

  @Test
  void ingestsAFileWhoseNameIsNotAsciiUnderTheCLocale() throws Exception {
    Path logs = Files.createDirectories(temp.resolve("logs"));
    Files.writeString(logs.resolve("März-trail.json"), Records.trail(Records.records(0, 3)), StandardCharsets.UTF_8);
    Path store = temp.resolve("store");
    ProcessBuilder builder = new ProcessBuilder(ChildJvm.command("ingest", logs.toString(), "--store", store.toString(),
        "-q")).redirectOutput(temp.resolve("ingest.out").toFile()).redirectError(temp.resolve("ingest.err").toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("LC_") || name.equals("LANG"));
    builder.environment().put("LC_ALL", "C");

    Process ingest = builder.start();

    assertThat(ingest.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(ingest.exitValue()).as(Files.readString(temp.resolve("ingest.err"))).isZero();
    assertThat(TestStores.count(store, "SELECT count(*) FROM events")).isEqualTo(3);
    // the name as the JVM spells it under this locale: the bytes of 'ä' become replacement characters
    assertThat(TestStores.rows(store, "SELECT source_file FROM sources")).singleElement()
        .satisfies(row -> assertThat((String) row.get("source_file")).startsWith("M").endsWith("rz-trail.json"));
  }
}
