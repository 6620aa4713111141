package io.trailsleuth.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.util.zip.ZipException;

/** Turns a failed read (gzip, limits, JSON syntax, UTF-8) into a reject's reason code and words. */
final class ReadFailures {
  private ReadFailures() {}

  /** The reject reason code for a read that failed with {@code e}. */
  static String reasonCode(IOException e) {
    if (e instanceof DecompressionLimitException) {
      return "decompression-limit";
    }
    if (e instanceof GzipFormatException gzip) {
      return gzip.reasonCode();
    }
    if (e instanceof ZipException || (e instanceof EOFException && e.getMessage() != null
        && e.getMessage().contains("ZLIB"))) {
      return "corrupt-gzip";
    }
    if (e instanceof EOFException) {
      return "truncated";
    }
    if (e instanceof StreamConstraintsException) {
      return "limit-exceeded";
    }
    if (e instanceof JsonEOFException) {
      return "truncated";
    }
    if (e instanceof JsonProcessingException json && String.valueOf(json.getOriginalMessage()).contains("Invalid UTF-8")) {
      return "invalid-utf8";
    }
    if (e instanceof JsonProcessingException) {
      return "invalid-json";
    }
    if (e instanceof CharacterCodingException) {
      return "invalid-utf8";
    }
    return "read-error";
  }

  /** What went wrong, in words. */
  static String message(IOException e) {
    String message = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
    if (e instanceof EOFException && !(e instanceof JsonEOFException)) {
      message = "input ended early (truncated upload or download?): " + message;
    }
    return String.valueOf(message);
  }

  /** The reason of a reject for the rest of a file. */
  static String describe(IOException e) {
    return Texts.abbreviate(message(e), 300) + "; the records before this point were kept";
  }
}
