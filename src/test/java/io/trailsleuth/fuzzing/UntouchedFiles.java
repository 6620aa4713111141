package io.trailsleuth.fuzzing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The bytes and modification times of every file under a directory, to prove later that nothing changed them. */
public final class UntouchedFiles {
  private record Seen(byte[] bytes, FileTime modified) {}

  private final Path root;
  private final Map<Path, Seen> before;

  private UntouchedFiles(Path root, Map<Path, Seen> before) {
    this.root = root;
    this.before = before;
  }

  /** Records every regular file under {@code root}. */
  public static UntouchedFiles record(Path root) {
    return new UntouchedFiles(root, read(root));
  }

  /** Asserts that the same files exist with the same bytes and modification times. */
  public void assertUnchanged() {
    Map<Path, Seen> after = read(root);
    assertThat(after.keySet()).as("files under %s", root).containsExactlyElementsOf(before.keySet());
    before.forEach((path, seen) -> {
      assertThat(after.get(path).bytes()).as("bytes of %s", path).isEqualTo(seen.bytes());
      assertThat(after.get(path).modified()).as("modification time of %s", path).isEqualTo(seen.modified());
    });
  }

  private static Map<Path, Seen> read(Path root) {
    Map<Path, Seen> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        files.put(file, new Seen(Files.readAllBytes(file), Files.getLastModifiedTime(file)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }
}
