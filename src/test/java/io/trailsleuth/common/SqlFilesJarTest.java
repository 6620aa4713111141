package io.trailsleuth.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The queries read from a jar are the ones read from the directory it was packed from. */
final class SqlFilesJarTest {
  private static final Path QUERIES = Path.of("queries");

  @TempDir
  Path temp;

  @Test
  void readsTheSameStatementsFromAJarAsFromTheQueriesDirectory() throws IOException {
    Path jar = temp.resolve("queries.jar");
    try (Stream<Path> walk = Files.walk(QUERIES)) {
      // the jar's other entries, and its entries in an order of their own, change nothing
      List<Path> files = walk.filter(Files::isRegularFile).sorted((a, b) -> b.compareTo(a)).toList();
      pack(jar, files, Map.of("io/trailsleuth/Other.class", "not a query", "other/queries/x.sql", "-- id: x"));
    }

    Map<String, SqlFile> fromJar = SqlFiles.loadJar(jar);

    assertThat(fromJar).isNotEmpty().isEqualTo(SqlFiles.loadDirectory(QUERIES));
  }

  @Test
  void refusesAnIdDeclaredTwiceInAJar() throws IOException {
    Path jar = temp.resolve("twice.jar");
    String sql = "-- id: same\n-- title: t\n-- description: d\nSELECT 1\n";
    pack(jar, List.of(), Map.of("queries/a/one.sql", sql, "queries/b/two.sql", sql));

    assertThatThrownBy(() -> SqlFiles.loadJar(jar)).isInstanceOf(IllegalStateException.class)
        .hasMessage("query id 'same' is declared twice: a/one.sql and b/two.sql");
  }

  private static void pack(Path jar, List<Path> files, Map<String, String> extra) throws IOException {
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      for (Path file : files) {
        out.putNextEntry(new JarEntry(file.toString().replace('\\', '/')));
        Files.copy(file, (OutputStream) out);
        out.closeEntry();
      }
      for (Map.Entry<String, String> entry : new TreeMap<>(extra).entrySet()) {
        out.putNextEntry(new JarEntry(entry.getKey()));
        out.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
    }
  }
}
