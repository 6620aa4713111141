package io.trailsleuth.cli;

import io.trailsleuth.pipeline.IngestProgress;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicLong;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** Progress on stderr: a bar with rate and ETA on a terminal, a plain line every few seconds otherwise. */
final class ProgressReporter implements IngestProgress {
  private static final long PLAIN_INTERVAL_NANOS = 5_000_000_000L;
  /** Set between the bar's speed and the counts, which the bar would otherwise run together ("2.9 MB/s466/2944"). */
  static final String SEPARATOR = " · ";
  private final PrintWriter err;
  private final boolean terminal;
  private final ProgressBarConsumer barConsumer;
  private final AtomicLong files = new AtomicLong();
  private final AtomicLong bytes = new AtomicLong();
  private final AtomicLong events = new AtomicLong();
  private volatile ProgressBar bar;
  private volatile long lastPrint = System.nanoTime();
  private int totalFiles;

  /**
   * On a terminal, draws the bar into {@code barConsumer}, or the console when that is null; otherwise prints plain
   * lines to {@code err}.
   */
  ProgressReporter(PrintWriter err, boolean terminal, ProgressBarConsumer barConsumer) {
    this.err = err;
    this.terminal = terminal;
    this.barConsumer = barConsumer;
  }

  static IngestProgress forTerminal(PrintWriter err) {
    return new ProgressReporter(err, System.console() != null, null);
  }

  @Override
  public void started(int fileCount, long totalBytes) {
    totalFiles = fileCount;
    if (terminal) {
      ProgressBarBuilder builder = barConsumer == null ? new ProgressBarBuilder()
          : new ProgressBarBuilder().setConsumer(barConsumer);
      bar = builder.setTaskName("ingest").setInitialMax(Math.max(1, totalBytes))
          .setStyle(ProgressBarStyle.ASCII).setUnit(" MB", 1 << 20).showSpeed().setUpdateIntervalMillis(500)
          .continuousUpdate().build();
    } else {
      err.printf("ingest: %d files, %d MB%n", fileCount, totalBytes >> 20);
      err.flush();
    }
  }

  @Override
  public void fileDone(long fileBytes, long fileEvents) {
    long doneFiles = files.incrementAndGet();
    long doneBytes = bytes.addAndGet(fileBytes);
    long doneEvents = events.addAndGet(fileEvents);
    if (bar != null) {
      bar.stepTo(doneBytes);
      bar.setExtraMessage(SEPARATOR + doneFiles + "/" + totalFiles + " files, " + doneEvents + " events");
    } else {
      long now = System.nanoTime();
      if (now - lastPrint > PLAIN_INTERVAL_NANOS) {
        lastPrint = now;
        synchronized (err) {
          err.printf("ingest: %d/%d files, %d MB, %d events%n", doneFiles, totalFiles, doneBytes >> 20, doneEvents);
          err.flush();
        }
      }
    }
  }

  @Override
  public void writing() {
    if (bar != null) {
      bar.setExtraMessage(SEPARATOR + "writing Parquet");
    } else {
      err.println("ingest: parsed " + events.get() + " events; deduplicating and writing Parquet");
      err.flush();
    }
  }

  @Override
  public void finished() {
    if (bar != null) {
      bar.close();
    }
  }
}
