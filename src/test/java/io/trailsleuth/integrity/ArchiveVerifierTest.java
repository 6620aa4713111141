package io.trailsleuth.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailsleuth.ingest.RootedPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveVerifierTest {
  @TempDir
  Path directory;

  private IntegrityReport verify(TestArchive archive, String... paths) throws IOException {
    PublicKeys keys = PublicKeys.load(archive.writePublicKeys(directory.resolve("keys.json"), true));
    Signatures signatures = Signatures.load(archive.writeSignatures(directory.resolve("signatures.json")));
    return ArchiveVerifier.verify(List.of(paths), Optional.of(keys), Optional.of(signatures));
  }

  private TestArchive archive(int hours) throws IOException {
    return TestArchive.write(directory.resolve("archive"), hours, -1);
  }

  private String root() {
    return directory.resolve("archive").toString();
  }

  private static List<ChainBreakKind> kinds(IntegrityReport report) {
    return report.chainBreaks().stream().map(ChainBreak::kind).toList();
  }

  @Test
  void untouchedArchiveVerifiesClean() throws IOException {
    TestArchive archive = archive(5);

    IntegrityReport report = verify(archive, root());

    assertThat(report.failed()).isFalse();
    assertThat(report.verifiedFiles()).containsExactlyElementsOf(archive.logKeys);
    assertThat(report.tampered()).isEmpty();
    assertThat(report.missing()).isEmpty();
    assertThat(report.unlisted()).isEmpty();
    assertThat(report.chainBreaks()).isEmpty();
    assertThat(report.digestsChecked()).isEqualTo(5);
    assertThat(report.signatures().checked()).isTrue();
    assertThat(report.signatures().digests()).hasSize(5)
        .allSatisfy(signature -> assertThat(signature.status()).isEqualTo(SignatureStatus.VALID));
    assertThat(report.notes()).singleElement().asString().contains("the chain starts at");
    assertThat(report.statusOf(archive.logKeys.get(0))).isEqualTo(FileIntegrity.VERIFIED);
  }

  @Test
  void reportsTamperedLogWhenOneByteOfItsContentChanges() throws IOException {
    TestArchive archive = archive(3);
    String victim = archive.logKeys.get(3);
    TestArchive.rewrite(archive.pathOf(victim), content -> {
      content[content.length - 5] ^= 1;
      return content;
    });

    IntegrityReport report = verify(archive, root());

    assertThat(report.failed()).isTrue();
    assertThat(report.tampered()).singleElement().satisfies(file -> {
      assertThat(file.path()).isEqualTo(victim);
      assertThat(file.digest()).isEqualTo(archive.digestKeys.get(1));
      assertThat(file.actualHash()).hasSize(64).isNotEqualTo(file.recordedHash());
    });
    assertThat(report.statusOf(victim)).isEqualTo(FileIntegrity.TAMPERED);
    assertThat(report.verifiedFiles()).hasSize(5).doesNotContain(victim);
  }

  private Path copyOfArchive() throws IOException {
    Path copy = directory.resolve("copy");
    try (java.util.stream.Stream<Path> files = Files.walk(Path.of(root()))) {
      for (Path file : files.toList()) {
        Files.copy(file, copy.resolve(Path.of(root()).relativize(file).toString()));
      }
    }
    return copy;
  }

  @Test
  void checksIdenticalCopiesOfAnArchiveUnderTwoInputRootsOnceAndFindsNoBreak() throws IOException {
    TestArchive archive = archive(3);
    Path copy = copyOfArchive();

    IntegrityReport report = ArchiveVerifier.verify(List.of(root(), copy.toString()), Optional.empty(),
        Optional.empty());

    assertThat(report.failed()).isFalse();
    assertThat(report.chainBreaks()).isEmpty();
    assertThat(report.digestsChecked()).isEqualTo(3);
    assertThat(report.verifiedFiles()).containsExactlyElementsOf(archive.logKeys);
    assertThat(report.notes()).contains("3 digest file(s) have the same path and content as one under another input"
        + " root; each is checked once");
  }

  @Test
  void reportsTheTamperedCopyWhenAnotherInputRootHoldsAGoodCopyAtTheSamePath() throws IOException {
    TestArchive archive = archive(3);
    Path copy = copyOfArchive();
    String victim = archive.logKeys.get(3);
    TestArchive.rewrite(copy.resolve(Path.of(root()).relativize(archive.pathOf(victim)).toString()), content -> {
      content[content.length - 5] ^= 1;
      return content;
    });

    for (List<String> roots : List.of(List.of(root(), copy.toString()), List.of(copy.toString(), root()))) {
      IntegrityReport report = ArchiveVerifier.verify(roots, Optional.empty(), Optional.empty());

      assertThat(report.failed()).isTrue();
      assertThat(report.tampered()).singleElement().satisfies(file -> {
        assertThat(file.path()).isEqualTo(victim);
        assertThat(file.detail()).contains("the copy under input root " + copy);
      });
      assertThat(report.statusOf(victim)).isEqualTo(FileIntegrity.TAMPERED);
      assertThat(report.verifiedFiles()).hasSize(5).doesNotContain(victim);
      // each copy on its own: the good one stays verified, so dedup prefers it and a citation of it says so
      assertThat(report.statusOf(root(), victim)).isEqualTo(FileIntegrity.VERIFIED);
      assertThat(report.statusOf(copy.toString(), victim)).isEqualTo(FileIntegrity.TAMPERED);
      assertThat(report.verifiedCopies()).contains(new RootedPath(root(), victim))
          .doesNotContain(new RootedPath(copy.toString(), victim));
    }
  }

  @Test
  void reportsTamperedLogWhenItsCompressedBytesNoLongerDecompress() throws IOException {
    TestArchive archive = archive(2);
    Path victim = archive.pathOf(archive.logKeys.get(0));
    byte[] bytes = Files.readAllBytes(victim);
    bytes[bytes.length - 6] ^= 0x55;
    Files.write(victim, bytes);

    IntegrityReport report = verify(archive, root());

    assertThat(report.tampered()).singleElement()
        .satisfies(file -> assertThat(file.detail()).contains("cannot be read or decompressed"));
  }

  @Test
  void reportsMissingLogWhenDeleted() throws IOException {
    TestArchive archive = archive(3);
    Files.delete(archive.pathOf(archive.logKeys.get(2)));

    IntegrityReport report = verify(archive, root());

    assertThat(report.failed()).isTrue();
    assertThat(report.missing()).containsExactly(new MissingFile(archive.logKeys.get(2), archive.digestKeys.get(1)));
    assertThat(report.chainBreaks()).isEmpty();
  }

  @Test
  void reportsMissingDigestWhenOneIsDeleted() throws IOException {
    TestArchive archive = archive(5);
    Files.delete(archive.pathOf(archive.digestKeys.get(2)));

    IntegrityReport report = verify(archive, root());

    assertThat(report.chainBreaks()).singleElement().satisfies(chainBreak -> {
      assertThat(chainBreak.kind()).isEqualTo(ChainBreakKind.MISSING_DIGEST);
      assertThat(chainBreak.digest()).isEqualTo(archive.digestKeys.get(3));
      assertThat(chainBreak.detail()).contains(archive.digestKeys.get(2));
      assertThat(chainBreak.missingDigestCount()).isEqualTo(1);
    });
    assertThat(report.unlisted()).extracting(UnlistedFile::path)
        .containsExactly(archive.logKeys.get(4), archive.logKeys.get(5));
    assertThat(report.unlisted()).allSatisfy(file -> assertThat(file.explanation()).contains("legitimate"));
  }

  @Test
  void countsTwoConsecutiveMissingDigests() throws IOException {
    TestArchive archive = archive(6);
    Files.delete(archive.pathOf(archive.digestKeys.get(2)));
    Files.delete(archive.pathOf(archive.digestKeys.get(3)));

    IntegrityReport report = verify(archive, root());

    assertThat(report.failed()).isTrue();
    assertThat(report.chainBreaks()).singleElement().satisfies(chainBreak -> {
      assertThat(chainBreak.kind()).isEqualTo(ChainBreakKind.MISSING_DIGEST);
      assertThat(chainBreak.digest()).isEqualTo(archive.digestKeys.get(4));
      assertThat(chainBreak.missingDigestCount()).isEqualTo(2);
      assertThat(chainBreak.detail()).contains("2 consecutive digest(s) are missing", archive.digestKeys.get(1));
    });
    assertThat(report.unlisted()).hasSize(4);
  }

  @Test
  void reportsDigestMovedFromItsRecordedKey() throws IOException {
    TestArchive archive = archive(4);
    Path moved = directory.resolve("archive/elsewhere/renamed-digest.json.gz");
    Files.createDirectories(moved.getParent());
    Files.move(archive.pathOf(archive.digestKeys.get(1)), moved);

    IntegrityReport report = verify(archive, root());

    assertThat(report.failed()).isTrue();
    assertThat(report.chainBreaks()).singleElement().satisfies(chainBreak -> {
      assertThat(chainBreak.kind()).isEqualTo(ChainBreakKind.DIGEST_MOVED);
      assertThat(chainBreak.digest()).isEqualTo("elsewhere/renamed-digest.json.gz");
      assertThat(chainBreak.detail()).contains(archive.digestKeys.get(1));
    });
    assertThat(report.verifiedFiles()).hasSize(8);
  }

  @Test
  void reportsInvalidSignatureAndSignatureChainMismatchWhenASignatureIsCorrupted() throws IOException {
    TestArchive archive = archive(3);
    String digest = archive.digestKeys.get(1);
    String signature = archive.signatures.get(digest);
    archive.signatures.put(digest, (signature.charAt(0) == 'a' ? "b" : "a") + signature.substring(1));

    IntegrityReport report = verify(archive, root());

    assertThat(report.failed()).isTrue();
    assertThat(report.signatures().digests()).filteredOn(result -> result.status() == SignatureStatus.INVALID)
        .singleElement().satisfies(result -> assertThat(result.digest()).isEqualTo(digest));
    assertThat(report.chainBreaks()).singleElement().satisfies(chainBreak -> {
      assertThat(chainBreak.kind()).isEqualTo(ChainBreakKind.PREVIOUS_SIGNATURE_MISMATCH);
      assertThat(chainBreak.digest()).isEqualTo(archive.digestKeys.get(2));
    });
  }

  @Test
  void reportsRewrittenDigestByPreviousHashAndSignature() throws IOException {
    TestArchive archive = archive(3);
    String rewritten = archive.digestKeys.get(1);
    TestArchive.rewrite(archive.pathOf(rewritten), content -> new String(content, StandardCharsets.UTF_8)
        .replace("\"SHA256withRSA\"", "\"SHA256withRSA\",\"injected\":true").getBytes(StandardCharsets.UTF_8));

    IntegrityReport report = verify(archive, root());

    assertThat(kinds(report)).containsExactly(ChainBreakKind.PREVIOUS_HASH_MISMATCH);
    assertThat(report.chainBreaks().get(0).detail()).contains(rewritten, "was altered");
    assertThat(report.signatures().digests()).filteredOn(result -> result.status() == SignatureStatus.INVALID)
        .extracting(DigestSignature::digest).containsExactly(rewritten);
  }

  @Test
  void reportsNullLinkWhenLoggingWasSwitchedOff() throws IOException {
    TestArchive archive = TestArchive.write(directory.resolve("archive"), 4, 2);

    IntegrityReport report = verify(archive, root());

    assertThat(report.chainBreaks()).singleElement().satisfies(chainBreak -> {
      assertThat(chainBreak.kind()).isEqualTo(ChainBreakKind.NULL_LINK);
      assertThat(chainBreak.digest()).isEqualTo(archive.digestKeys.get(2));
      assertThat(chainBreak.detail()).contains("switched off");
    });
  }

  @Test
  void reportsCoverageGapBetweenLinkedDigests() throws IOException {
    TestArchive archive = archive(3);
    TestArchive.rewrite(archive.pathOf(archive.digestKeys.get(2)), content -> new String(content, StandardCharsets.UTF_8)
        .replace("\"digestStartTime\":\"2024-03-05T12:00:00Z\"", "\"digestStartTime\":\"2024-03-05T12:30:00Z\"")
        .getBytes(StandardCharsets.UTF_8));

    IntegrityReport report = ArchiveVerifier.verify(List.of(root()), Optional.empty(), Optional.empty());

    assertThat(kinds(report)).containsExactly(ChainBreakKind.COVERAGE_GAP);
    assertThat(report.chainBreaks().get(0).detail()).contains("30 minutes are covered by no digest");
  }
}
