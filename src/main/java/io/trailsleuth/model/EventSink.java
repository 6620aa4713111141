package io.trailsleuth.model;

/** Receives the outcome of every record the ingest reads: a normalised row or a reject. */
public interface EventSink {
  /** A record that parsed; the row is only valid during the call. */
  void accept(EventRow row);

  /** A record, or the unreadable rest of a file, that could not be stored. */
  void reject(Reject reject);
}
