package io.trailsleuth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import org.junit.jupiter.api.Test;

/** The terminal progress bar, drawn by the real progress bar library into a captured line. */
final class ProgressReporterTest {
  @Test
  void keepsTheSpeedApartFromTheFileCount() throws Exception {
    List<String> lines = new ArrayList<>();
    ProgressReporter reporter = new ProgressReporter(new PrintWriter(new StringWriter()), true,
        new DelegatingProgressBarConsumer(lines::add, 160));

    reporter.started(2944, 3L << 30);
    reporter.fileDone(3L << 20, 1000);
    Thread.sleep(1100);
    reporter.fileDone(3L << 20, 1000);
    reporter.finished();

    String last = lines.get(lines.size() - 1);
    assertThat(last).contains("MB/s" + ProgressReporter.SEPARATOR + "2/2944 files, 2000 events")
        .doesNotContainPattern("/s\\d");
  }
}
