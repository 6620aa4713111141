package io.trailsleuth.generate;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;

/** Streams one {"Records":[...]} log file, record by record, and reports its digest entry when closed. */
final class LogFileWriter implements AutoCloseable {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final String key;
  private final HashedGzipFile file;
  private final JsonGenerator generator;
  private Instant oldest;
  private Instant newest;
  private int records;
  private String sha256;

  LogFileWriter(Path root, String key) throws IOException {
    this.key = key;
    this.file = HashedGzipFile.create(root.resolve(key));
    this.generator = MAPPER.getFactory().createGenerator(file.stream(), JsonEncoding.UTF8);
    generator.writeStartObject();
    generator.writeArrayFieldStart("Records");
  }

  void append(Instant time, ObjectNode record) throws IOException {
    MAPPER.writeTree(generator, record);
    oldest = oldest == null || time.isBefore(oldest) ? time : oldest;
    newest = newest == null || time.isAfter(newest) ? time : newest;
    records++;
  }

  /** The digest entry; valid after {@link #close()}. */
  LogFileEntry entry() {
    return new LogFileEntry(key, sha256, oldest, newest, records);
  }

  /** Finishes the file; closing twice is harmless. */
  @Override
  public void close() throws IOException {
    if (sha256 != null) {
      return;
    }
    generator.writeEndArray();
    generator.writeEndObject();
    generator.flush();
    sha256 = file.sha256();
    generator.close();
    file.close();
  }
}
