package io.trailsleuth.evidence;

import java.io.IOException;
import java.io.Writer;

/** Text that writes itself to a writer as it is made, so that none of it is held whole on the heap. */
@FunctionalInterface
public interface StreamedText {
  /** Writes the text to {@code out}; does not close it. */
  void writeTo(Writer out) throws IOException;
}
