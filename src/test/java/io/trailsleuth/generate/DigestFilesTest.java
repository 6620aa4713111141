package io.trailsleuth.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DigestFilesTest {
  @TempDir
  static Path archive;

  @BeforeAll
  static void generate() throws IOException {
    ArchiveGenerator.generate(ArchiveGeneratorTest.options(Scenario.RECREATED_ROLE, 11, 3_000, archive));
  }

  @Test
  void digestHashesMatchTheDecompressedLogFiles() {
    Map<String, String> listed = new HashMap<>();
    for (String digestFile : ArchiveFiles.digestFiles(archive)) {
      for (JsonNode logFile : ArchiveFiles.json(archive.resolve(digestFile)).get("logFiles")) {
        assertThat(logFile.get("hashAlgorithm").asText()).isEqualTo("SHA-256");
        assertThat(listed.put(logFile.get("s3Object").asText(), logFile.get("hashValue").asText()))
            .as("listed once: %s", logFile.get("s3Object")).isNull();
      }
    }
    List<String> logFiles = ArchiveFiles.logFiles(archive);
    assertThat(listed.keySet()).containsExactlyInAnyOrderElementsOf(logFiles);
    for (String logFile : logFiles) {
      assertThat(ArchiveFiles.sha256(ArchiveFiles.content(archive.resolve(logFile))))
          .as(logFile).isEqualTo(listed.get(logFile));
    }
  }

  @Test
  void eachDigestNamesItsOwnKeyAndTheRequiredFields() {
    for (String digestFile : ArchiveFiles.digestFiles(archive)) {
      JsonNode digest = ArchiveFiles.json(archive.resolve(digestFile));
      assertThat(digest.get("digestS3Object").asText()).isEqualTo(digestFile);
      assertThat(digest.get("digestS3Bucket").asText()).isEqualTo("aws-cloudtrail-logs-example");
      assertThat(digest.get("digestPublicKeyFingerprint").asText()).matches("[0-9a-f]{32}");
      assertThat(digest.get("digestSignatureAlgorithm").asText()).isEqualTo("SHA256withRSA");
      assertThat(digestFile).contains("_CloudTrail-Digest_").contains("_org-trail_us-east-1_")
          .startsWith("AWSLogs/o-exampleorg1/" + digest.get("awsAccountId").asText() + "/CloudTrail-Digest/");
    }
  }

  @Test
  void digestChainsLinkEachDigestToTheHashOfThePreviousOne() {
    Map<String, List<String>> chains = new HashMap<>();
    for (String digestFile : ArchiveFiles.digestFiles(archive)) {
      String[] parts = digestFile.split("/");
      chains.computeIfAbsent(parts[2] + "/" + parts[4], chain -> new ArrayList<>()).add(digestFile);
    }
    assertThat(chains).hasSize(TrailStream.ALL.size());
    for (List<String> chain : chains.values()) {
      chain.sort(Comparator.comparing(path -> path.substring(path.lastIndexOf('_'))));
      JsonNode first = ArchiveFiles.json(archive.resolve(chain.get(0)));
      assertThat(first.get("previousDigestS3Object").isNull()).isTrue();
      assertThat(first.get("previousDigestSignature").isNull()).isTrue();
      for (int index = 1; index < chain.size(); index++) {
        JsonNode digest = ArchiveFiles.json(archive.resolve(chain.get(index)));
        String previous = chain.get(index - 1);
        assertThat(digest.get("previousDigestS3Object").asText()).isEqualTo(previous);
        assertThat(digest.get("previousDigestHashValue").asText())
            .isEqualTo(ArchiveFiles.sha256(ArchiveFiles.content(archive.resolve(previous))));
        assertThat(digest.get("previousDigestSignature").asText()).matches("[0-9a-f]{512}");
        assertThat(digest.get("digestStartTime").asText())
            .isEqualTo(ArchiveFiles.json(archive.resolve(previous)).get("digestEndTime").asText());
      }
    }
  }
}
