package io.trailsleuth.generate;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One account and region of the organisation trail: the unit that gets its own log files and digest chain.
 *
 * @param account the account id
 * @param region the region
 * @param noiseWeight the share of background traffic this stream carries
 */
record TrailStream(String account, String region, double noiseWeight) {
  static final String MAIN_ACCOUNT = "111122223333";
  static final String SECOND_ACCOUNT = "444455556666";

  /** The streams of the generated organisation, in the order files are written. */
  static final List<TrailStream> ALL = List.of(
      new TrailStream(MAIN_ACCOUNT, "eu-central-1", 0.10),
      new TrailStream(MAIN_ACCOUNT, "eu-west-1", 0.40),
      new TrailStream(MAIN_ACCOUNT, "us-east-1", 0.30),
      new TrailStream(SECOND_ACCOUNT, "eu-central-1", 0.08),
      new TrailStream(SECOND_ACCOUNT, "us-east-1", 0.12));

  TrailStream {
    requireNonNull(account, "account is null");
    requireNonNull(region, "region is null");
  }

  /** The stream of the given account and region. */
  static TrailStream of(String account, String region) {
    return ALL.stream().filter(stream -> stream.account.equals(account) && stream.region.equals(region))
        .findFirst().orElseThrow(() -> new IllegalArgumentException("no stream " + account + "/" + region));
  }

  boolean isMainAccount() {
    return account.equals(MAIN_ACCOUNT);
  }
}
