package io.trailsleuth.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.trailsleuth.ingest.DecodedContentHashes;
import io.trailsleuth.ingest.SourceFile;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Whether a digest covers a log file's account, region and delivery time: indexed, as a scan of every digest says. */
class DigestWindowsTest {
  private static final Duration SLACK = Duration.ofMinutes(15);
  private static final Instant BASE = Instant.parse("2024-03-05T00:00:00Z");
  private static final String[] ACCOUNTS = {"111122223333", "444455556666"};
  private static final String[] REGIONS = {"us-east-1", "eu-west-1", "us-east-1x"};

  @Test
  void answersAsAScanOfEveryDigestForRandomWindowsAndTimes() {
    Random random = new Random(7);
    for (int round = 0; round < 200; round++) {
      List<Digest> digests = new ArrayList<>();
      for (int count = random.nextInt(12); count > 0; count--) {
        digests.add(randomDigest(random));
      }
      DigestWindows windows = new DigestWindows(digests, SLACK);
      for (int question = 0; question < 100; question++) {
        String account = ACCOUNTS[random.nextInt(ACCOUNTS.length)];
        String region = REGIONS[random.nextInt(REGIONS.length)];
        Instant time = BASE.plusSeconds(60L * random.nextInt(12 * 60));
        assertThat(windows.covers(account, region, time)).as("round %d, %s %s %s", round, account, region, time)
            .isEqualTo(scan(digests, account, region, time));
      }
    }
  }

  @Test
  void includesBothEndsOfAWindowAndTheSlackBeforeItsStart() {
    Digest digest = digest(location(ACCOUNTS[0], REGIONS[0]), "", Optional.of(BASE), Optional.of(BASE.plusSeconds(3600)));
    DigestWindows windows = new DigestWindows(List.of(digest), SLACK);

    assertThat(windows.covers(ACCOUNTS[0], REGIONS[0], BASE.minus(SLACK))).isTrue();
    assertThat(windows.covers(ACCOUNTS[0], REGIONS[0], BASE.minus(SLACK).minusSeconds(60))).isFalse();
    assertThat(windows.covers(ACCOUNTS[0], REGIONS[0], BASE.plusSeconds(3600))).isTrue();
    assertThat(windows.covers(ACCOUNTS[0], REGIONS[0], BASE.plusSeconds(3660))).isFalse();
    assertThat(windows.covers(ACCOUNTS[1], REGIONS[0], BASE)).isFalse();
  }

  @Test
  void findsTheUnlistedFilesOfAPartialDownloadWithoutScanningEveryDigestPerFile() {
    // 2,000 hourly digests and 40,000 log files none of them lists: a scan per file made 80 million checks
    List<Digest> digests = new ArrayList<>();
    for (int hour = 0; hour < 2_000; hour++) {
      Instant start = BASE.plusSeconds(3600L * hour);
      digests.add(digest(location(ACCOUNTS[0], REGIONS[0]).replace("T010000Z", String.format("T%06dZ", hour)), "", Optional.of(start),
          Optional.of(start.plusSeconds(3600))));
    }
    List<SourceFile> logs = new ArrayList<>();
    for (int index = 0; index < 40_000; index++) {
      String name = ACCOUNTS[index % 2] + "_CloudTrail_" + REGIONS[0] + "_"
          + String.format("202403%02dT%02d%02dZ", 5 + index % 20, index / 20 % 24, index % 60) + "_File" + index + ".json.gz";
      String relativePath = "AWSLogs/" + ACCOUNTS[index % 2] + "/CloudTrail/" + REGIONS[0] + "/" + name;
      logs.add(new SourceFile(Path.of("archive"), relativePath, "archive", relativePath, 100));
    }
    LogFileVerifier verifier = new LogFileVerifier(new LocalLogFiles(logs), DecodedContentHashes.none());

    assertTimeoutPreemptively(Duration.ofSeconds(20), () -> verifier.verify(digests));
    assertThat(verifier.unlisted).hasSize(40_000);
    assertThat(verifier.unlisted).filteredOn(UnlistedFile::digestCoversWindow).hasSize(20_000);
  }

  /** The definition: some digest of the account and region whose window, widened by the slack, holds the time. */
  private static boolean scan(List<Digest> digests, String account, String region, Instant time) {
    return digests.stream().anyMatch(digest -> digest.chainName().startsWith(account + "/" + region + "/")
        && digest.startTime().isPresent() && digest.endTime().isPresent()
        && !time.isBefore(digest.startTime().get().minus(SLACK)) && !time.isAfter(digest.endTime().get()));
  }

  private static Digest randomDigest(Random random) {
    Instant start = BASE.plusSeconds(60L * random.nextInt(12 * 60));
    Instant end = start.plusSeconds(60L * random.nextInt(120));
    String account = ACCOUNTS[random.nextInt(ACCOUNTS.length)];
    String region = REGIONS[random.nextInt(REGIONS.length)];
    int shape = random.nextInt(6);
    // a digest not at a CloudTrail key takes its chain from awsAccountId, which may hold anything
    String accountField = shape == 4 ? account + "/" + region : account;
    String relativePath = shape >= 4 ? "elsewhere/digest" + random.nextInt(1000) + ".json" : location(account, region);
    return digest(relativePath, accountField, shape == 3 ? Optional.empty() : Optional.of(start),
        shape == 2 ? Optional.empty() : Optional.of(end));
  }

  private static String location(String account, String region) {
    return "AWSLogs/" + account + "/CloudTrail-Digest/" + region + "/2024/03/05/" + account + "_CloudTrail-Digest_"
        + region + "_main-trail_us-east-1_20240305T010000Z.json.gz";
  }

  private static Digest digest(String relativePath, String accountId, Optional<Instant> start, Optional<Instant> end) {
    return new Digest(relativePath, "0".repeat(64), accountId, TestArchive.BUCKET, "", "", start, end, "",
        Optional.empty(), Optional.empty(), HexText.of(Optional.empty()), List.of(), List.of());
  }
}
