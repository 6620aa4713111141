package io.trailsleuth.integrity;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes an {@link IntegrityReport} as JSON: the verify output, and the {@code integrity} block of other reports.
 * Written field by field to the generator, not built as a tree first: with no digest in the inputs every log file is
 * listed as unlisted, and a tree of 100,000 of them outgrew the launcher's heap.
 */
public final class IntegrityJson {
  private static final JsonFactory FACTORY = new JsonFactory();

  private IntegrityJson() {}

  /** Writes the report's fields, in a fixed order, into the object the generator has open; the caller closes it. */
  public static void writeFields(IntegrityReport report, JsonGenerator json) throws IOException {
    json.writeStringField("status", report.status().code());
    json.writeBooleanField("passed", report.status() == IntegrityStatus.PASSED);
    json.writeNumberField("digestsChecked", report.digestsChecked());
    json.writeNumberField("logFilesFound", report.logFilesFound());
    json.writeNumberField("ignoredFiles", report.ignoredFiles());
    json.writeArrayFieldStart("verifiedFiles");
    for (String file : report.verifiedFiles()) {
      json.writeString(file);
    }
    json.writeEndArray();
    json.writeArrayFieldStart("tampered");
    for (TamperedFile file : report.tampered()) {
      json.writeStartObject();
      json.writeStringField("path", file.path());
      json.writeStringField("digest", file.digest());
      json.writeStringField("recordedHash", file.recordedHash());
      json.writeStringField("actualHash", file.actualHash());
      json.writeStringField("detail", file.detail());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeArrayFieldStart("missing");
    for (MissingFile file : report.missing()) {
      json.writeStartObject();
      json.writeStringField("s3Object", file.s3Object());
      json.writeStringField("digest", file.digest());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeArrayFieldStart("unlisted");
    for (UnlistedFile file : report.unlisted()) {
      json.writeStartObject();
      json.writeStringField("path", file.path());
      json.writeBooleanField("digestCoversWindow", file.digestCoversWindow());
      json.writeStringField("explanation", file.explanation());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeArrayFieldStart("chainBreaks");
    for (ChainBreak chainBreak : report.chainBreaks()) {
      json.writeStartObject();
      json.writeStringField("kind", chainBreak.kind().code());
      json.writeStringField("chain", chainBreak.chain());
      json.writeStringField("digest", chainBreak.digest());
      json.writeStringField("detail", chainBreak.detail());
      json.writeNumberField("missingDigestCount", chainBreak.missingDigestCount());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeObjectFieldStart("signatures");
    json.writeBooleanField("checked", report.signatures().checked());
    json.writeStringField("explanation", report.signatures().explanation());
    json.writeArrayFieldStart("digests");
    for (DigestSignature signature : report.signatures().digests()) {
      json.writeStartObject();
      json.writeStringField("digest", signature.digest());
      json.writeStringField("status", signature.status().code());
      json.writeStringField("detail", signature.detail());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
    json.writeArrayFieldStart("notes");
    for (String note : report.notes()) {
      json.writeString(note);
    }
    json.writeEndArray();
  }

  /** Writes the report as the current value of a generator. */
  public static void write(IntegrityReport report, JsonGenerator generator) throws IOException {
    generator.writeStartObject();
    writeFields(report, generator);
    generator.writeEndObject();
  }

  /** Writes the report to a file, pretty-printed, UTF-8, ending in a newline; the same input gives the same bytes. */
  public static void write(IntegrityReport report, Path file) throws IOException {
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      write(report, out);
    }
  }

  /** The report as pretty-printed JSON text ending in a newline. */
  public static String toText(IntegrityReport report) throws IOException {
    StringWriter out = new StringWriter();
    write(report, out);
    return out.toString();
  }

  private static void write(IntegrityReport report, Writer out) throws IOException {
    try (JsonGenerator json = FACTORY.createGenerator(out).useDefaultPrettyPrinter()) {
      json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      write(report, json);
    }
    out.write("\n");
  }
}
