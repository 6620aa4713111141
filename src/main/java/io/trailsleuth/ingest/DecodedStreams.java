package io.trailsleuth.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Opens a file's decoded bytes as the ingest sees them: gzip (every member) by its magic bytes, else as it is. */
public final class DecodedStreams {
  private DecodedStreams() {}

  /** The decoded stream over {@code raw}; closing it does not close {@code raw}. */
  public static InputStream open(InputStream raw) throws IOException {
    BufferedInputStream buffered = new BufferedInputStream(raw, 1 << 16);
    buffered.mark(2);
    int first = buffered.read();
    int second = buffered.read();
    buffered.reset();
    return first == 0x1f && second == 0x8b ? new GzipMembersInputStream(buffered) : buffered;
  }
}
