package io.trailsleuth.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Loads the SQL files of {@code queries/} (bundled into the jar) and parses their {@code -- key: value}
 * headers. Fails fast on a missing header or a duplicate id.
 */
public final class SqlFiles {
  private static final String ROOT = "queries";
  private static volatile Map<String, SqlFile> bundled;

  private SqlFiles() {}

  /** The bundled statement with this id. */
  public static SqlFile get(String id) {
    SqlFile file = bundled().get(id);
    if (file == null) {
      throw new IllegalArgumentException("no query with id '" + id + "'; see 'trailsleuth query --list'");
    }
    return file;
  }

  /** Every bundled statement, by id. */
  public static Map<String, SqlFile> bundled() {
    Map<String, SqlFile> loaded = bundled;
    if (loaded == null) {
      synchronized (SqlFiles.class) {
        if (bundled == null) {
          bundled = loadBundled();
        }
        loaded = bundled;
      }
    }
    return loaded;
  }

  /** Parses one SQL file's text. */
  public static SqlFile parse(String text, String resource) {
    Map<String, String> header = new TreeMap<>();
    StringBuilder body = new StringBuilder();
    boolean inHeader = true;
    for (String line : text.split("\n", -1)) {
      String trimmed = line.strip();
      if (inHeader && trimmed.startsWith("--")) {
        String content = trimmed.substring(2).strip();
        int colon = content.indexOf(':');
        if (colon > 0 && content.substring(0, colon).matches("[a-z_]+")) {
          header.put(content.substring(0, colon), content.substring(colon + 1).strip());
        }
        continue;
      }
      if (inHeader && trimmed.isEmpty()) {
        continue;
      }
      inHeader = false;
      body.append(line).append('\n');
    }
    for (String required : List.of("id", "title", "description")) {
      if (!header.containsKey(required)) {
        throw new IllegalStateException(resource + " has no '-- " + required + ":' header line");
      }
    }
    List<String> names = names(header.getOrDefault("params", ""));
    List<String> optionalParams = names(header.getOrDefault("optional", ""));
    if (!names.containsAll(optionalParams)) {
      throw new IllegalStateException(resource + " says '-- optional:' of a parameter its '-- params:' does not list");
    }
    List<String> macroParameters = names(header.getOrDefault("macro", ""));
    String sql = body.toString().strip();
    while (sql.endsWith(";")) {
      sql = sql.substring(0, sql.length() - 1).strip();
    }
    boolean view = "true".equals(header.get("view"));
    boolean materialized = "true".equals(header.get("materialize"));
    if (materialized && !view) {
      throw new IllegalStateException(resource + " says '-- materialize: true' but is not a view ('-- view: true')");
    }
    if (!macroParameters.isEmpty() && (view || !names.isEmpty())) {
      throw new IllegalStateException(resource + " says '-- macro:' and is also a view or takes bind parameters;"
          + " a table macro takes its values as arguments");
    }
    return new SqlFile(header.get("id"), header.get("title"), header.get("description"), names, optionalParams, sql,
        resource,
        view, materialized, macroParameters);
  }

  private static List<String> names(String list) {
    return list.isBlank() ? List.of() : Arrays.stream(list.split(",")).map(p -> p.strip().split("\\s+")[0]).toList();
  }

  /** Reads every {@code .sql} file below a directory, keyed by id; fails on duplicates. */
  public static Map<String, SqlFile> loadDirectory(Path directory) {
    Map<String, SqlFile> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(directory)) {
      List<Path> paths = new ArrayList<>(walk.filter(p -> p.toString().endsWith(".sql")).sorted().toList());
      for (Path path : paths) {
        String resource = directory.relativize(path).toString().replace('\\', '/');
        add(files, parse(Files.readString(path, StandardCharsets.UTF_8), resource));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read queries from " + directory, e);
    }
    return files;
  }

  private static Map<String, SqlFile> loadBundled() {
    URL marker = SqlFiles.class.getClassLoader().getResource(ROOT + "/catalogue.marker");
    if (marker == null) {
      throw new IllegalStateException("queries/catalogue.marker is not on the classpath; the jar is incomplete");
    }
    try {
      URI uri = marker.toURI();
      if ("jar".equals(uri.getScheme())) {
        return Map.copyOf(loadJar(Path.of(((JarURLConnection) marker.openConnection()).getJarFileURL().toURI())));
      }
      return Map.copyOf(loadDirectory(Path.of(uri).getParent()));
    } catch (URISyntaxException | IOException e) {
      throw new IllegalStateException("cannot list bundled queries", e);
    }
  }

  /**
   * Reads every {@code .sql} entry below {@code queries/} in the jar, keyed by id; fails on duplicates. A {@link JarFile}
   * shares the central directory the class loader has read already; a zip file system (as {@link #loadDirectory} on
   * the jar would need) reads all 9,000 entries of the jar again first, 0.1 s of every command that runs a query.
   */
  static Map<String, SqlFile> loadJar(Path jarPath) throws IOException {
    Map<String, SqlFile> files = new TreeMap<>();
    String prefix = ROOT + "/";
    try (JarFile jar = new JarFile(jarPath.toFile())) {
      List<JarEntry> entries = jar.stream()
          .filter(entry -> entry.getName().startsWith(prefix) && entry.getName().endsWith(".sql"))
          .sorted(Comparator.comparing(JarEntry::getName))
          .toList();
      for (JarEntry entry : entries) {
        try (InputStream in = jar.getInputStream(entry)) {
          add(files, parse(new String(in.readAllBytes(), StandardCharsets.UTF_8),
              entry.getName().substring(prefix.length())));
        }
      }
    }
    return files;
  }

  private static void add(Map<String, SqlFile> files, SqlFile file) {
    SqlFile previous = files.put(file.id(), file);
    if (previous != null) {
      throw new IllegalStateException("query id '" + file.id() + "' is declared twice: " + previous.resource()
          + " and " + file.resource());
    }
  }
}
