package io.trailsleuth.generate;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * A built record and the log stream (account and region) it is delivered in.
 *
 * @param stream the account and region whose log files hold the record
 * @param time the event time
 * @param record the CloudTrail record
 */
record PlacedRecord(TrailStream stream, Instant time, ObjectNode record) {
  PlacedRecord {
    requireNonNull(stream, "stream is null");
    requireNonNull(time, "time is null");
    requireNonNull(record, "record is null");
  }
}
