package io.trailsleuth.evidence;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailsleuth.analysis.CitedSource;
import io.trailsleuth.analysis.CitedSources;
import io.trailsleuth.common.FileTrees;
import io.trailsleuth.ingest.JsonSettings;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Writes the evidence pack an incident lead hands over: every cited record exactly as it stands in its source, the
 * report, the findings JSON, the digest files that cover the cited log files, a README and {@code MANIFEST.sha256}.
 * The same store and findings give a byte-identical pack.
 */
public final class EvidencePack {
  /**
   * What the pack holds besides the records: the rendered reports, and the findings JSON, streamed to its file (it
   * lists every log file the digests checked, and as one string outgrew the launcher's heap).
   */
  public record Outputs(String markdown, Optional<String> html, StreamedText findingsJson) {
    public Outputs {
      requireNonNull(markdown, "markdown is null");
      requireNonNull(html, "html is null");
      requireNonNull(findingsJson, "findingsJson is null");
    }
  }

  /** What was written. */
  public record Summary(Path directory, int records, int digests) {}

  private EvidencePack() {}

  /** Refuses a target that is a file, or a directory that is not empty; call before any work. */
  public static void checkTarget(Path directory) throws EvidenceException, IOException {
    if (Files.exists(directory) && !Files.isDirectory(directory)) {
      throw new EvidenceException("--evidence " + directory + " is a file; name a new or empty directory");
    }
    if (Files.isDirectory(directory)) {
      try (Stream<Path> list = Files.list(directory)) {
        if (list.findAny().isPresent()) {
          throw new EvidenceException("--evidence " + directory + " exists and is not empty; name a new or empty "
              + "directory, so that nothing in the pack is left over from before");
        }
      }
    }
  }

  /**
   * Writes the pack for the cited events of the store behind {@code connection}, each from the copy of its source
   * file that {@code cited} names (the one the report and the findings JSON cite).
   */
  public static Summary write(Path directory, Connection connection, CitedSources cited, Outputs outputs)
      throws EvidenceException, IOException, SQLException {
    checkTarget(directory);
    boolean existed = Files.isDirectory(directory);
    try {
      return writeChecked(directory, connection, cited, outputs);
    } catch (EvidenceException | IOException | SQLException | RuntimeException e) {
      // no half pack: a directory that was new or empty is left so
      FileTrees.deleteRecursively(directory);
      if (existed) {
        Files.createDirectories(directory);
      }
      throw e;
    }
  }

  private static Summary writeChecked(Path directory, Connection connection, CitedSources cited, Outputs outputs)
      throws EvidenceException, IOException, SQLException {
    Files.createDirectories(directory.resolve("records"));
    SourceHashes sources = new SourceHashes();
    for (CitedSource record : cited.all()) {
      Files.write(directory.resolve(PackNames.record(record.eventId())), recordBytes(record));
      sources.add(record.source());
    }
    PackDigests digests = PackDigests.select(connection,
        cited.all().stream().map(CitedSource::source).distinct().toList());
    digests.copy(directory);
    Files.writeString(directory.resolve("report.md"), outputs.markdown(), StandardCharsets.UTF_8);
    if (outputs.html().isPresent()) {
      Files.writeString(directory.resolve("report.html"), outputs.html().get(), StandardCharsets.UTF_8);
    }
    try (Writer findings = Files.newBufferedWriter(directory.resolve("findings.json"), StandardCharsets.UTF_8)) {
      outputs.findingsJson().writeTo(findings);
    }
    Files.writeString(directory.resolve("SOURCES.sha256"), sources.checkList(), StandardCharsets.UTF_8);
    Files.writeString(directory.resolve("README.txt"), PackReadme.text(cited.all().size(), digests.count(),
        outputs.html().isPresent(), sources.namesRoots()), StandardCharsets.UTF_8);
    PackManifest.write(directory, Stream.concat(sources.commentLines().stream(),
        digests.commentLines(sources.namesRoots()).stream()).toList());
    return new Summary(directory, cited.all().size(), digests.count());
  }

  /** The record's bytes from its source, checked to be the cited event. */
  private static byte[] recordBytes(CitedSource record) throws EvidenceException, IOException {
    Path file = InputFiles.locate(record.source().inputRoot(), record.source().sourceFile());
    if (record.offset() == null || record.length() == null) {
      throw new EvidenceException("the store holds no record positions for " + record.source().sourceFile()
          + " (it was ingested by an older trailsleuth); ingest the archive into a new store for an evidence pack");
    }
    byte[] bytes = RecordBytes.extract(SourceRecordReader.read(file, record.source().sourceSha256(), record.offset(),
        record.length()));
    JsonNode parsed = JsonSettings.mapper().readTree(bytes);
    String eventId = parsed == null ? null : parsed.path("eventID").asText(null);
    if (eventId != null && !eventId.equals(record.eventId())) {
      throw new EvidenceException("the bytes at " + record.offset() + " in " + file + " hold event " + eventId + ", not "
          + record.eventId() + "; the store does not match the file");
    }
    return bytes;
  }
}
