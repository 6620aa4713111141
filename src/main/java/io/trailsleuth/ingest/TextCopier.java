package io.trailsleuth.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.io.Writer;

/**
 * Copies JSON values as compact text with one reused generator, instead of a new generator and writer
 * per value; values are written as consecutive root values with no separator and taken out one by one.
 * Not thread-safe: each {@link RecordExtractor} owns one.
 */
final class TextCopier {
  private final JsonFactory factory;
  private final TextBuffer buffer = new TextBuffer();
  private JsonGenerator generator;
  private boolean open;

  TextCopier(JsonFactory factory) {
    this.factory = factory;
  }

  /** Copies the value the parser stands on, with all it contains, and returns it as text. */
  String copy(JsonParser parser) throws IOException {
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
    buffer.text.setLength(0);
    open = true;
    return generator;
  }

  /** Ends the value started last and returns its text. */
  String finish() throws IOException {
    generator.flush();
    open = false;
    return buffer.text.toString();
  }

  /** An unsynchronised writer into a reused StringBuilder (StringWriter locks on every write). */
  private static final class TextBuffer extends Writer {
    final StringBuilder text = new StringBuilder(1024);

    @Override
    public void write(char[] chars, int offset, int length) {
      text.append(chars, offset, length);
    }

    @Override
    public void write(String string, int offset, int length) {
      text.append(string, offset, length);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
