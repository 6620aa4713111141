package io.trailsleuth.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.trailsleuth.common.FileTrees;
import io.trailsleuth.fuzzing.FuzzedContent;
import io.trailsleuth.fuzzing.FuzzedContent.Wrapping;
import io.trailsleuth.fuzzing.UntouchedFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Coverage-guided fuzzing of {@code verify}'s digest reader: one digest of a three-hour signed archive is replaced by
 * fuzzed bytes. Whatever they are, reading the digest either gives a digest or says why it cannot, verifying the
 * archive never throws, every local log file is still classified, and no file of the archive is changed.
 */
final class DigestReaderFuzzTest {
  private static final Fixture FIXTURE = Fixture.create();

  /** The archive, its keys and signatures, written once per JVM. */
  private record Fixture(TestArchive archive, Path root, Path fuzzedDigest, PublicKeys keys, Signatures signatures) {
    static Fixture create() {
      try {
        Path directory = Files.createTempDirectory("digest-fuzz");
        Path root = directory.resolve("archive");
        TestArchive archive = TestArchive.write(root, 3, -1);
        PublicKeys keys = PublicKeys.load(archive.writePublicKeys(directory.resolve("keys.json"), true));
        Signatures signatures = Signatures.load(archive.writeSignatures(directory.resolve("signatures.json")));
        return new Fixture(archive, root, archive.pathOf(archive.digestKeys.get(1)), keys, signatures);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  static Stream<Arguments> seeds() throws IOException {
    byte[] digest;
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(Files.readAllBytes(FIXTURE.fuzzedDigest())))) {
      digest = in.readAllBytes();
    }
    return Stream.of(Wrapping.values()).map(wrapping -> Arguments.of((Object) FuzzedContent.encode(wrapping, digest)));
  }

  @MethodSource("seeds")
  @FuzzTest(maxDuration = "20s")
  void anyDigestContentIsReadOrRefusedWithoutChangingTheArchive(byte[] data) throws IOException {
    Files.write(FIXTURE.fuzzedDigest(), FuzzedContent.decode(data));
    UntouchedFiles archive = UntouchedFiles.record(FIXTURE.root());
    String relativePath = FIXTURE.root().relativize(FIXTURE.fuzzedDigest()).toString();

    try {
      Optional<Digest> digest = DigestReader.read(FIXTURE.fuzzedDigest(), relativePath);
      digest.ifPresent(read -> assertThat(read.relativePath()).isEqualTo(relativePath));
    } catch (DigestReader.UnreadableDigestException e) {
      assertThat(e.getMessage()).isNotBlank();
    }
    IntegrityReport report = ArchiveVerifier.verify(List.of(FIXTURE.root().toString()), Optional.of(FIXTURE.keys()),
        Optional.of(FIXTURE.signatures()));

    assertThat(report.logFilesFound()).isEqualTo(FIXTURE.archive().logKeys.size());
    Set<String> classified = new TreeSet<>(report.verifiedFiles());
    report.tampered().forEach(file -> classified.add(file.path()));
    report.unlisted().forEach(file -> classified.add(file.path()));
    assertThat(classified).as("every local log file is verified, tampered or unlisted")
        .containsAll(FIXTURE.archive().logKeys);
    archive.assertUnchanged();
  }

  /** The archive, its keys and signatures are the JVM's, written once for every fuzzed input; none outlives the class. */
  @AfterAll
  static void deleteFixture() throws IOException {
    FileTrees.deleteRecursively(FIXTURE.root().getParent());
  }
}
