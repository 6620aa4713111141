package io.trailsleuth.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveShapesTest {
  @TempDir
  Path directory;

  private static IntegrityReport verifyWithoutSignatures(Path path) {
    return ArchiveVerifier.verify(List.of(path.toString()), Optional.empty(), Optional.empty());
  }

  @Test
  void matchesArchiveSyncedWithBucketNameAndPrefix() throws IOException {
    TestArchive.write(directory.resolve("case-bucket/team-prefix"), 3, -1);

    IntegrityReport report = verifyWithoutSignatures(directory);

    assertThat(report.failed()).isFalse();
    assertThat(report.verifiedFiles()).hasSize(6).allSatisfy(path -> assertThat(path).startsWith("case-bucket/team-prefix/AWSLogs/"));
  }

  @Test
  void matchesArchiveSyncedBelowTheAccountFolder() throws IOException {
    TestArchive.write(directory, 3, -1);

    IntegrityReport report = verifyWithoutSignatures(directory.resolve("AWSLogs/" + TestArchive.ACCOUNT));

    assertThat(report.failed()).isFalse();
    assertThat(report.verifiedFiles()).hasSize(6).allSatisfy(path -> assertThat(path).startsWith("CloudTrail/"));
  }

  @Test
  void detectsCompressionByMagicBytesNotByExtension() throws IOException {
    TestArchive archive = TestArchive.write(directory, 2, -1);
    for (String key : archive.logKeys) {
      Files.write(archive.pathOf(key), FileContent.readAll(archive.pathOf(key)));
    }
    String digest = archive.digestKeys.get(1);
    Files.write(archive.pathOf(digest), FileContent.readAll(archive.pathOf(digest)));

    IntegrityReport report = verifyWithoutSignatures(directory);

    assertThat(report.failed()).isFalse();
    assertThat(report.verifiedFiles()).hasSize(4);
    assertThat(report.digestsChecked()).isEqualTo(2);
  }

  @Test
  void countsFilesThatAreNeitherDigestsNorLogsAsIgnored() throws IOException {
    TestArchive.write(directory, 1, -1);
    Files.writeString(directory.resolve("notes.txt"), "case notes");
    Files.writeString(directory.resolve("export.json"), "{\"Records\":[]}");

    IntegrityReport report = verifyWithoutSignatures(directory);

    assertThat(report.ignoredFiles()).isEqualTo(2);
    assertThat(report.failed()).isFalse();
  }

  @Test
  void saysPlainlyThatSignaturesWereNotCheckedWithoutKeys() throws IOException {
    TestArchive.write(directory, 2, -1);

    IntegrityReport report = verifyWithoutSignatures(directory);

    assertThat(report.signatures().checked()).isFalse();
    assertThat(report.signatures().explanation()).contains("were not checked", "rewritten digests and logs consistently");
  }

  @Test
  void verifiesSignaturesWithSubjectPublicKeyInfoKeysToo() throws IOException {
    TestArchive archive = TestArchive.write(directory.resolve("archive"), 2, -1);
    PublicKeys keys = PublicKeys.load(archive.writePublicKeys(directory.resolve("keys.json"), false));
    Signatures signatures = Signatures.load(archive.writeSignatures(directory.resolve("signatures.json")));

    IntegrityReport report = ArchiveVerifier.verify(List.of(directory.resolve("archive").toString()), Optional.of(keys),
        Optional.of(signatures));

    assertThat(report.signatures().digests()).extracting(DigestSignature::status)
        .containsExactly(SignatureStatus.VALID, SignatureStatus.VALID);
  }

  @Test
  void reportsMalformedHashAsMalformedWithoutCrashing() throws IOException {
    TestArchive archive = TestArchive.write(directory, 2, -1);
    Path digest = archive.pathOf(archive.digestKeys.get(1));
    String text = new String(FileContent.readAll(digest), StandardCharsets.UTF_8);
    String hash = text.replaceAll("(?s).*\"previousDigestHashValue\":\"([0-9a-f]{64})\".*", "$1");
    Files.write(digest, TestArchive.gzip(text.replace(hash, hash.substring(1) + "g").getBytes(StandardCharsets.UTF_8)));

    IntegrityReport report = verifyWithoutSignatures(directory);

    assertThat(report.chainBreaks()).extracting(ChainBreak::kind)
        .containsExactly(ChainBreakKind.PREVIOUS_HASH_MISMATCH, ChainBreakKind.MALFORMED);
    assertThat(report.chainBreaks().get(1).detail()).startsWith("previousDigestHashValue is not 64 hex characters");
  }

  @Test
  void reportsUnreadableDigestAsMalformed() throws IOException {
    TestArchive archive = TestArchive.write(directory, 2, -1);
    Files.writeString(archive.pathOf(archive.digestKeys.get(1)), "{\"digestS3Object\": \"AWSLogs/");

    IntegrityReport report = verifyWithoutSignatures(directory);

    assertThat(report.chainBreaks()).extracting(ChainBreak::kind).containsExactly(ChainBreakKind.MALFORMED);
    assertThat(report.chainBreaks().get(0).detail()).startsWith("digest is not valid JSON");
  }

  @Test
  void reportsTheRealElasticDigestsShortHashAsMalformed() {
    String shared = System.getProperty("trailsleuth.shared");
    Path fixtures = shared == null ? null : Path.of(shared, "datasets", "elastic-cloudtrail-fixtures");
    assumeTrue(fixtures != null && Files.isDirectory(fixtures), "shared elastic-cloudtrail-fixtures not present");

    IntegrityReport report = verifyWithoutSignatures(fixtures);

    assertThat(report.digestsChecked()).isEqualTo(1);
    assertThat(report.chainBreaks()).filteredOn(chainBreak -> chainBreak.kind() == ChainBreakKind.MALFORMED)
        .singleElement().satisfies(chainBreak -> {
          assertThat(chainBreak.digest()).isEqualTo("test-cloudtrail-digest-json.log");
          assertThat(chainBreak.detail()).startsWith("previousDigestHashValue has 63 hex characters");
        });
    assertThat(report.missing()).hasSize(3);
  }
}
