package io.trailsleuth.model;

/** Receives the outcome of every record the ingest reads: a normalised row, a reject, or a snapshot item. */
public interface EventSink {
  /** A record that parsed; the row is only valid during the call. */
  void accept(EventRow row);

  /** A record, or the unreadable rest of a file, that could not be stored. */
  void reject(Reject reject);

  /** An item of a point-in-time snapshot file (CLI output or AWS Config file); only valid during the call. */
  void snapshot(SnapshotItem item);
}
