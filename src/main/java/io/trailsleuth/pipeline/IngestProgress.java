package io.trailsleuth.pipeline;

/** Receives progress while an ingest runs; implementations must be thread-safe. */
public interface IngestProgress {
  /** Called once the inputs are known. */
  void started(int files, long bytes);

  /** Called after each file. */
  void fileDone(long bytes, long events);

  /** Called when parsing is done and the store is being written. */
  void writing();

  /** Called at the end. */
  void finished();

  /** Reports nothing. */
  IngestProgress SILENT = new IngestProgress() {
    @Override
    public void started(int files, long bytes) {}

    @Override
    public void fileDone(long bytes, long events) {}

    @Override
    public void writing() {}

    @Override
    public void finished() {}
  };
}
