package io.trailsleuth.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs Debian's headless chromium on a local page: a screenshot, the DOM after load, and its console output. */
final class HeadlessChromium {
  private HeadlessChromium() {}

  /** What one chromium run printed. */
  record Output(int exitCode, String stdout, String stderr) {}

  /** The chromium executable, or null when it is not installed. */
  static Path find() {
    for (String candidate : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")) {
      if (Files.isExecutable(Path.of(candidate))) {
        return Path.of(candidate);
      }
    }
    return null;
  }

  static Output run(Path chromium, Path workDirectory, Path page, String... mode) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--disable-dev-shm-usage", "--hide-scrollbars", "--enable-logging=stderr", "--v=0",
        "--user-data-dir=" + workDirectory.resolve("profile-" + mode[0].replaceAll("[^a-z]", ""))));
    command.addAll(List.of(mode));
    command.add(page.toUri().toString());
    Path stdout = workDirectory.resolve("chromium-" + mode[0].replaceAll("[^a-z]", "") + ".out");
    Path stderr = workDirectory.resolve("chromium-" + mode[0].replaceAll("[^a-z]", "") + ".err");
    Process process = new ProcessBuilder(command).directory(workDirectory.toFile())
        .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("chromium did not finish within 120 s: " + command);
    }
    return new Output(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
        Files.readString(stderr, StandardCharsets.UTF_8));
  }
}
