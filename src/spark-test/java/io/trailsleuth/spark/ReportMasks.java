package io.trailsleuth.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reports made by different commands, made comparable: the line that names the command (and with it the store or
 * archive) is masked, and for a comparison with {@code investigate} the digest checks, which only {@code investigate}
 * runs ({@code analyze} reads a store, not the archive), are taken out. Every other line must be byte-identical.
 */
final class ReportMasks {
  private static final String COMMAND_LINE = "- Command: `trailsleuth ";
  private static final String INTEGRITY_HEADING = "## Evidence integrity";

  private ReportMasks() {}

  /** The markdown report with its command line masked. */
  static List<String> markdown(Path report) throws IOException {
    return Files.readAllLines(report, StandardCharsets.UTF_8).stream()
        .map(line -> line.startsWith(COMMAND_LINE) ? "- Command: <masked>" : line)
        .toList();
  }

  /** The same without the evidence-integrity section and the integrity cell of each evidence row. */
  static List<String> markdownWithoutDigestChecks(Path report) throws IOException {
    List<String> lines = new ArrayList<>();
    boolean inIntegrity = false;
    for (String line : markdown(report)) {
      if (line.startsWith("## ")) {
        inIntegrity = line.equals(INTEGRITY_HEADING);
      }
      if (!inIntegrity) {
        lines.add(line.replaceAll("\\| (verified|unverified|tampered|missing|not checked) \\|$", "| <integrity> |"));
      }
    }
    return lines;
  }

  /** The findings JSON as it is. */
  static String json(Path findings) throws IOException {
    return Files.readString(findings, StandardCharsets.UTF_8);
  }

  /** The findings JSON without its {@code integrity} member. */
  static String jsonWithoutDigestChecks(Path findings) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode tree = (ObjectNode) mapper.readTree(findings.toFile());
    tree.remove("integrity");
    return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
  }
}
