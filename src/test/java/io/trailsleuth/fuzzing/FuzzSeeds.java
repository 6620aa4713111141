package io.trailsleuth.fuzzing;

import io.trailsleuth.fuzzing.FuzzedContent.Wrapping;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Seed inputs for the fuzz tests: every committed ingest fixture, in the wrappings asked for. */
public final class FuzzSeeds {
  private FuzzSeeds() {}

  /** Each fixture file under src/test/resources/fixtures, encoded once per wrapping given, in path order. */
  public static List<byte[]> fixtureSeeds(Wrapping... wrappings) {
    List<byte[]> seeds = new ArrayList<>();
    for (Path fixture : fixtures()) {
      byte[] content = readAll(fixture);
      for (Wrapping wrapping : wrappings) {
        seeds.add(FuzzedContent.encode(wrapping, wrapping == Wrapping.TRUNCATED_GZIP ? prefixed((byte) 128, content)
            : content));
      }
    }
    return seeds;
  }

  private static byte[] prefixed(byte first, byte[] content) {
    byte[] result = new byte[content.length + 1];
    result[0] = first;
    System.arraycopy(content, 0, result, 1, content.length);
    return result;
  }

  private static List<Path> fixtures() {
    URL url = FuzzSeeds.class.getResource("/fixtures");
    if (url == null) {
      throw new IllegalStateException("no fixtures on the test class path");
    }
    try (Stream<Path> files = Files.walk(Path.of(url.toURI()))) {
      return files.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] readAll(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
