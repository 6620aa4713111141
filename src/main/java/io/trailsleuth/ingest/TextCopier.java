package io.trailsleuth.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * Copies JSON values as compact UTF-8 with one reused generator, instead of a new generator and writer
 * per value; values are written as consecutive root values with no separator and taken out one by one.
 * The bytes go to the Arrow batch as they are, without a detour through {@code String}.
 * Not thread-safe: each {@link RecordExtractor} owns one.
 */
final class TextCopier {
  private final JsonFactory factory;
  private final ByteSink buffer = new ByteSink();
  private JsonGenerator generator;
  private boolean open;

  TextCopier(JsonFactory factory) {
    this.factory = factory;
  }

  /** Copies the value the parser stands on, with all it contains, and returns it as UTF-8 JSON. */
  byte[] copy(JsonParser parser) throws IOException {
    JsonGenerator out = start();
    out.copyCurrentStructure(parser);
    return finish();
  }

  /** Starts a value: the returned generator is to write exactly one root value, then call {@link #finish()}. */
  JsonGenerator start() throws IOException {
    if (open || generator == null) {
      // a copy that failed half way (bad input) left the generator inside a value: start afresh
      generator = factory.createGenerator(buffer);
      generator.setRootValueSeparator(null);
    }
    buffer.length = 0;
    open = true;
    return generator;
  }

  /** Ends the value started last and returns its UTF-8 bytes. */
  byte[] finish() throws IOException {
    generator.flush();
    open = false;
    return Arrays.copyOf(buffer.bytes, buffer.length);
  }

  /** An unsynchronised, reused byte buffer (ByteArrayOutputStream locks on every write). */
  private static final class ByteSink extends OutputStream {
    byte[] bytes = new byte[4096];
    int length;

    @Override
    public void write(int b) {
      ensure(1);
      bytes[length++] = (byte) b;
    }

    @Override
    public void write(byte[] source, int offset, int count) {
      ensure(count);
      System.arraycopy(source, offset, bytes, length, count);
      length += count;
    }

    private void ensure(int more) {
      if (length + more > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
      }
    }
  }
}
