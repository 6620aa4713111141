package io.trailsleuth.pipeline;

import io.trailsleuth.ingest.JsonSettings;
import io.trailsleuth.store.EventArrowSchema;

/**
 * Initialises, on a thread of its own while the inputs are walked, the classes every parser thread needs before its
 * first record: Arrow's {@code Schema}, whose class initialiser builds a Jackson mapper and reader (about 0.1 s of a
 * cold JVM), and the ingest's own Jackson mapper. The parser threads would otherwise wait for both at their start.
 */
final class ParserWarmUp {
  private ParserWarmUp() {}

  /** Starts the warm-up; a class that fails to initialise here fails where it is used too (NoClassDefFoundError). */
  static void start() {
    Thread thread = new Thread(() -> {
      EventArrowSchema.SCHEMA.getFields().size();
      JsonSettings.mapper().getFactory();
    }, "trailsleuth-warm-up");
    thread.setDaemon(true);
    thread.start();
  }
}
