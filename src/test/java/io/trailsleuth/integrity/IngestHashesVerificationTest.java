package io.trailsleuth.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailsleuth.ingest.DecodedContentHashes;
import io.trailsleuth.ingest.SharedWalk;
import io.trailsleuth.ingest.FileScope;
import io.trailsleuth.ingest.SourceFile;
import io.trailsleuth.ingest.SourceWalker;
import io.trailsleuth.pipeline.IngestOptions;
import io.trailsleuth.pipeline.IngestPipeline;
import io.trailsleuth.pipeline.IngestProgress;
import io.trailsleuth.store.CaseStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.FutureTask;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The digest check takes log files' hashes from the ingest's parse when it decoded them whole, and reads the rest. */
class IngestHashesVerificationTest {
  private static final String ZERO_HASH = "0".repeat(64);

  @TempDir
  Path directory;

  private Path root() {
    return directory.resolve("archive");
  }

  /** The position of the archive's file at {@code log} in the walk of the archive's root. */
  private int copy(Path log) {
    List<SourceFile> files = SourceWalker.walk(List.of(root().toString())).files();
    return IntStream.range(0, files.size()).filter(i -> files.get(i).path().equals(log)).findFirst().orElseThrow();
  }

  private IntegrityReport verify(DecodedContentHashes hashes) throws InterruptedException {
    // a walk of its own, like the positions copy() names: the tree does not change between them
    return ArchiveVerifier.verify(SourceWalker.walk(List.of(root().toString())), Optional.empty(), Optional.empty(),
        hashes);
  }

  @Test
  void aHashTheIngestProvidedDecidesTheOutcomeAndTheFileIsNotReadAgain() throws Exception {
    TestArchive archive = TestArchive.write(root(), 2, -1);
    List<String> logs = archive.logKeys;
    DecodedContentHashes hashes = DecodedContentHashes.collecting();
    hashes.put(copy(archive.pathOf(logs.get(0))), FileContent.sha256Hex(archive.pathOf(logs.get(0))));
    hashes.put(copy(archive.pathOf(logs.get(1))), ZERO_HASH);
    hashes.parseEnded();
    // read again, this file could not even be decompressed
    Files.writeString(archive.pathOf(logs.get(0)), "no longer gzip");

    IntegrityReport report = verify(hashes);

    assertThat(report.verifiedFiles()).containsExactly(logs.get(0), logs.get(2), logs.get(3));
    assertThat(report.tampered()).singleElement().satisfies(file -> {
      assertThat(file.path()).isEqualTo(logs.get(1));
      assertThat(file.actualHash()).isEqualTo(ZERO_HASH);
    });
  }

  @Test
  void waitsForTheParseToEndBeforeTakingTheLogFilesHashes() throws Exception {
    TestArchive archive = TestArchive.write(root(), 2, -1);
    DecodedContentHashes hashes = DecodedContentHashes.collecting();
    FutureTask<IntegrityReport> verification = new FutureTask<>(() -> verify(hashes));
    new Thread(verification, "test-verify").start();

    Thread.sleep(300);
    assertThat(verification.isDone()).isFalse();
    hashes.put(copy(archive.pathOf(archive.logKeys.get(3))), ZERO_HASH);
    hashes.parseEnded();

    assertThat(verification.get().tampered()).singleElement()
        .satisfies(file -> assertThat(file.path()).isEqualTo(archive.logKeys.get(3)));
  }

  @Test
  void keepsTheParsesHashesOfListedFilesAloneOnceTheDigestsAreRead() throws Exception {
    TestArchive archive = TestArchive.write(root(), 2, -1);
    // a log file no digest lists: its hash would never be compared
    Path unlisted = root().resolve("AWSLogs/" + TestArchive.ACCOUNT + "/CloudTrail/" + TestArchive.REGION
        + "/2024/03/05/" + TestArchive.ACCOUNT + "_CloudTrail_" + TestArchive.REGION + "_20240305T1230Z_Unlisted1.json");
    Files.writeString(unlisted, "{\"Records\":[]}");
    DecodedContentHashes hashes = DecodedContentHashes.collecting();
    hashes.put(copy(unlisted), FileContent.sha256Hex(unlisted));
    for (String log : archive.logKeys) {
      hashes.put(copy(archive.pathOf(log)), log.equals(archive.logKeys.get(1)) ? ZERO_HASH
          : FileContent.sha256Hex(archive.pathOf(log)));
    }
    hashes.parseEnded();

    IntegrityReport report = verify(hashes);

    assertThat(hashes.held()).isEqualTo(archive.logKeys.size());
    assertThat(hashes.awaitHash(copy(unlisted))).isEmpty();
    assertThat(report.unlisted()).extracting(UnlistedFile::path).containsExactly(root().relativize(unlisted).toString());
    assertThat(report.tampered()).extracting(TamperedFile::path).containsExactly(archive.logKeys.get(1));
    hashes.put(copy(unlisted), ZERO_HASH);
    assertThat(hashes.held()).isEqualTo(archive.logKeys.size());
  }

  @Test
  void keepsNoHashWhileTheParseRunsWhenTheInputsHoldNoDigest() throws Exception {
    TestArchive archive = TestArchive.write(root(), 2, -1);
    for (String digest : archive.digestKeys) {
      Files.delete(archive.pathOf(digest));
    }
    DecodedContentHashes hashes = DecodedContentHashes.collecting();
    hashes.put(copy(archive.pathOf(archive.logKeys.get(0))), ZERO_HASH);
    FutureTask<IntegrityReport> verification = new FutureTask<>(() -> verify(hashes));
    new Thread(verification, "test-verify").start();

    for (int wait = 0; wait < 200 && hashes.held() > 0; wait++) {
      Thread.sleep(50);
    }
    assertThat(hashes.held()).isZero();
    hashes.put(copy(archive.pathOf(archive.logKeys.get(1))), ZERO_HASH);
    assertThat(hashes.held()).isZero();
    hashes.parseEnded();

    assertThat(verification.get().unlisted()).hasSize(archive.logKeys.size());
    assertThat(verification.get().tampered()).isEmpty();
  }

  @Test
  void givesTheSameReportAsReadingEveryFileWhenTheIngestDecodedOnlySomeWhole() throws Exception {
    TestArchive archive = TestArchive.write(root(), 3, -1);
    List<Path> logs = archive.logKeys.stream().map(archive::pathOf).toList();
    byte[] content = FileContent.readAll(logs.get(0));
    int half = content.length / 2;
    Files.write(logs.get(0), concat(TestArchive.gzip(Arrays.copyOf(content, half)),
        TestArchive.gzip(Arrays.copyOfRange(content, half, content.length))));
    Files.write(logs.get(1), FileContent.readAll(logs.get(1)));
    byte[] damaged = Files.readAllBytes(logs.get(2));
    for (int i = damaged.length / 2 - 4; i < damaged.length / 2 + 4; i++) {
      damaged[i] ^= 0x5a;
    }
    Files.write(logs.get(2), damaged);
    TestArchive.rewrite(logs.get(3), bytes -> concat(bytes, " ".repeat(8192).getBytes(StandardCharsets.UTF_8)));
    DecodedContentHashes hashes = DecodedContentHashes.collecting();
    SharedWalk walk = new SharedWalk();

    Path store = directory.resolve("store");
    IngestPipeline.run(CaseStore.createOrOpen(store), new IngestOptions(List.of(root().toString()), store, 2, 4096,
        "256MB", FileScope.EVERYTHING), IngestProgress.SILENT, Set::of, hashes, walk);
    IntegrityReport report = ArchiveVerifier.verify(walk.await(), Optional.empty(), Optional.empty(), hashes);

    // several gzip members, no compression and an untouched file: hashed by the ingest
    for (int index : new int[] {0, 1, 4, 5}) {
      assertThat(hashes.awaitHash(copy(logs.get(index)))).contains(FileContent.sha256Hex(logs.get(index)));
    }
    // damaged halfway and over the ingest's decompression limit: read again by the digest check
    assertThat(hashes.awaitHash(copy(logs.get(2)))).isEmpty();
    assertThat(hashes.awaitHash(copy(logs.get(3)))).isEmpty();
    assertThat(report).isEqualTo(ArchiveVerifier.verify(List.of(root().toString()), Optional.empty(), Optional.empty()));
    assertThat(report.verifiedFiles()).containsExactly(archive.logKeys.get(0), archive.logKeys.get(1),
        archive.logKeys.get(4), archive.logKeys.get(5));
    assertThat(report.tampered()).extracting(TamperedFile::path)
        .containsExactly(archive.logKeys.get(2), archive.logKeys.get(3));
    assertThat(report.tampered().get(0).detail()).startsWith("cannot be read or decompressed (");
    assertThat(report.tampered().get(1).actualHash()).isEqualTo(FileContent.sha256Hex(logs.get(3)));
  }

  private static byte[] concat(byte[] first, byte[] second) {
    byte[] both = Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, both, first.length, second.length);
    return both;
  }
}
