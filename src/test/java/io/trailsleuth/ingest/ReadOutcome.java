package io.trailsleuth.ingest;

import io.trailsleuth.model.EventColumn;
import io.trailsleuth.model.EventRow;
import io.trailsleuth.model.EventSink;
import io.trailsleuth.model.Reject;
import io.trailsleuth.model.SnapshotColumn;
import io.trailsleuth.model.SnapshotItem;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Everything one read of a file hands on (rows, rejects, snapshot items) and its result, comparable as a value. */
record ReadOutcome(List<List<String>> rows, List<Reject> rejects, List<String> snapshots, FileReadResult result) {

  /** Reads {@code document} as the file {@code AWSLogs/x.json.gz}. */
  static ReadOutcome read(SourceReader reader, byte[] document) {
    return read(reader, new ByteArrayInputStream(document), "AWSLogs/x.json.gz");
  }

  static ReadOutcome read(SourceReader reader, InputStream raw, String sourceFile) {
    List<List<String>> rows = new ArrayList<>();
    List<Reject> rejects = new ArrayList<>();
    List<String> snapshots = new ArrayList<>();
    FileReadResult result = reader.read(raw, sourceFile, "sha", new EventSink() {
      @Override
      public void accept(EventRow row) {
        List<String> values = new ArrayList<>();
        for (EventColumn column : EventColumn.ALL) {
          Object value = row.get(column);
          values.add(value instanceof byte[] bytes ? "json:" + new String(bytes, StandardCharsets.UTF_8) : String.valueOf(value));
        }
        rows.add(values);
      }

      @Override
      public void reject(Reject reject) {
        rejects.add(reject);
      }

      @Override
      public void snapshot(SnapshotItem item) {
        List<String> values = new ArrayList<>();
        for (SnapshotColumn column : SnapshotColumn.values()) {
          values.add(item.text(column));
        }
        snapshots.add(String.valueOf(values));
      }
    });
    return new ReadOutcome(rows, rejects, snapshots, result);
  }
}
