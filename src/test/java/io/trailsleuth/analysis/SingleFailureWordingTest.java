package io.trailsleuth.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailsleuth.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A breakage with one failed cold start reads in the singular and as a moment, not as a span of zero seconds. */
class SingleFailureWordingTest {
  private static final String A = StoryLogs.ACCOUNT;

  @TempDir
  Path temp;

  @Test
  void oneDeniedDecryptIsOneFailedColdStartAtItsTime() throws Exception {
    Path logs = new StoryLogs()
        .grant("2026-03-01T09:05:00Z", A, "worker-exec", "worker", "g-worker")
        .decrypt("2026-03-01T09:10:00Z", A, "worker-exec", "AROAOLDOLDOLDOLDOLD01", "worker", false)
        .deleteRole("2026-03-02T10:00:00Z", A, "worker-exec")
        .decrypt("2026-03-02T10:20:00Z", A, "worker-exec", "AROANEWNEWNEWNEWNEW02", "worker", true)
        .write(temp.resolve("logs"), "story.jsonl");
    Path report = temp.resolve("report.md");
    StringWriter out = new StringWriter();

    int code = Main.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "investigate", "-q",
        logs.getParent().toString(), "--out", report.toString());

    String markdown = Files.readString(report);
    assertThat(code).isZero();
    assertThat(markdown).contains("1 cold start of `worker` failed at 2026-03-02 10:20:00 UTC")
        .contains("| 1 denied Decrypt \\(cold start\\) |").contains("at 2026-03-02 10:20:00 UTC under AROANEW")
        .doesNotContain("(0 s)", "1 denied Decrypts", "between 2026-03-02 10:20:00 UTC and 2026-03-02 10:20:00 UTC");
    assertThat(out.toString()).contains("; 1 failed cold start; ").doesNotContain("1 failed cold starts");
  }
}
