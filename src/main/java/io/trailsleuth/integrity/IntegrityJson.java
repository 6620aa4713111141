package io.trailsleuth.integrity;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes an {@link IntegrityReport} as JSON: the verify output, and the {@code integrity} block of other reports. */
public final class IntegrityJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private IntegrityJson() {}

  /** The report as a JSON object with a fixed field order; embed it as {@code "integrity"} in other reports. */
  public static ObjectNode toNode(IntegrityReport report) {
    ObjectNode root = NODES.objectNode();
    root.put("status", report.status().code());
    root.put("passed", report.status() == IntegrityStatus.PASSED);
    root.put("digestsChecked", report.digestsChecked());
    root.put("logFilesFound", report.logFilesFound());
    root.put("ignoredFiles", report.ignoredFiles());
    ArrayNode verified = root.putArray("verifiedFiles");
    report.verifiedFiles().forEach(verified::add);
    ArrayNode tampered = root.putArray("tampered");
    for (TamperedFile file : report.tampered()) {
      tampered.addObject().put("path", file.path()).put("digest", file.digest())
          .put("recordedHash", file.recordedHash()).put("actualHash", file.actualHash()).put("detail", file.detail());
    }
    ArrayNode missing = root.putArray("missing");
    for (MissingFile file : report.missing()) {
      missing.addObject().put("s3Object", file.s3Object()).put("digest", file.digest());
    }
    ArrayNode unlisted = root.putArray("unlisted");
    for (UnlistedFile file : report.unlisted()) {
      unlisted.addObject().put("path", file.path()).put("digestCoversWindow", file.digestCoversWindow())
          .put("explanation", file.explanation());
    }
    ArrayNode breaks = root.putArray("chainBreaks");
    for (ChainBreak chainBreak : report.chainBreaks()) {
      breaks.addObject().put("kind", chainBreak.kind().code()).put("chain", chainBreak.chain())
          .put("digest", chainBreak.digest()).put("detail", chainBreak.detail())
          .put("missingDigestCount", chainBreak.missingDigestCount());
    }
    ObjectNode signatures = root.putObject("signatures");
    signatures.put("checked", report.signatures().checked()).put("explanation", report.signatures().explanation());
    ArrayNode digests = signatures.putArray("digests");
    for (DigestSignature signature : report.signatures().digests()) {
      digests.addObject().put("digest", signature.digest()).put("status", signature.status().code())
          .put("detail", signature.detail());
    }
    ArrayNode notes = root.putArray("notes");
    report.notes().forEach(notes::add);
    return root;
  }

  /** Writes the report as the current value of a generator. */
  public static void write(IntegrityReport report, JsonGenerator generator) throws IOException {
    generator.writeTree(toNode(report));
  }

  /** Writes the report to a file, pretty-printed, UTF-8, ending in a newline; the same input gives the same bytes. */
  public static void write(IntegrityReport report, Path file) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write(toText(report).getBytes(StandardCharsets.UTF_8));
    }
  }

  /** The report as pretty-printed JSON text ending in a newline. */
  public static String toText(IntegrityReport report) throws IOException {
    return MAPPER.writeValueAsString(toNode(report)) + "\n";
  }
}
