package io.trailsleuth.integrity;

import static java.util.Objects.requireNonNull;

import java.util.Comparator;

/**
 * One break in a digest chain, or one malformed digest.
 *
 * @param kind what broke
 * @param chain account/region/trail of the chain
 * @param digest the digest where it was found, relative to its input root
 * @param detail what was found, in words
 * @param missingDigestCount how many digests are missing here (at least 1 for missing digests; 0 otherwise)
 */
public record ChainBreak(ChainBreakKind kind, String chain, String digest, String detail, int missingDigestCount) {
  /** Chain, digest, kind, detail: the order breaks are reported in. */
  public static final Comparator<ChainBreak> ORDER = Comparator.comparing(ChainBreak::chain)
      .thenComparing(ChainBreak::digest).thenComparing(ChainBreak::kind).thenComparing(ChainBreak::detail);

  public ChainBreak {
    requireNonNull(kind, "kind is null");
    requireNonNull(chain, "chain is null");
    requireNonNull(digest, "digest is null");
    requireNonNull(detail, "detail is null");
  }

  static ChainBreak of(ChainBreakKind kind, Digest digest, String detail) {
    return new ChainBreak(kind, digest.chainName(), digest.relativePath(), detail, 0);
  }
}
