package io.trailsleuth.robustness;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts trailsleuth's command line in a separate JVM, on the test class path, so a test can kill it. */
final class ChildJvm {
  private ChildJvm() {}

  /** The command that runs {@code trailsleuth ARGS...} in a child JVM. */
  static List<String> command(String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("--add-opens=java.base/java.nio=ALL-UNNAMED");
    command.add("-XX:+IgnoreUnrecognizedVMOptions");
    command.add("--enable-native-access=ALL-UNNAMED");
    command.add("-Xmx256m");
    command.add("-XX:+UseParallelGC");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("io.trailsleuth.cli.Main");
    command.addAll(List.of(args));
    return command;
  }

  /** Starts the child with its output in files under {@code logs}. */
  static Process start(Path logs, String name, List<String> command) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectOutput(logs.resolve(name + ".out").toFile())
        .redirectError(logs.resolve(name + ".err").toFile());
    // as the launcher sets them
    builder.environment().put("MALLOC_MMAP_THRESHOLD_", "262144");
    builder.environment().put("MALLOC_ARENA_MAX", "2");
    return builder.start();
  }
}
