package io.trailsleuth.integrity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** Verifies digest signatures (SHA256withRSA) with the JDK's crypto, and checks the signature chain. */
final class SignatureVerifier {
  static final String CHECKED = "Digest signatures were checked with the supplied public keys and signatures. A valid"
      + " signature proves the digest is exactly what CloudTrail wrote, so the hashes it lists can be trusted.";

  final List<DigestSignature> results = new ArrayList<>();
  final List<ChainBreak> breaks = new ArrayList<>();
  private final PublicKeys keys;
  private final Signatures signatures;

  SignatureVerifier(PublicKeys keys, Signatures signatures) {
    this.keys = keys;
    this.signatures = signatures;
  }

  void verify(List<Digest> digests, DigestIndex index) {
    for (Digest digest : digests) {
      results.add(check(digest));
      Optional<Digest> previous = index.previousOf(digest);
      Optional<String> previousSignature = previous.flatMap(signatures::find);
      if (digest.previousSignature().isPresent() && previousSignature.isPresent()
          && !digest.previousSignature().get().equalsIgnoreCase(previousSignature.get())) {
        breaks.add(ChainBreak.of(ChainBreakKind.PREVIOUS_SIGNATURE_MISMATCH, digest, "previousDigestSignature differs"
            + " from the signature supplied for " + previous.get().relativePath()
            + ": one of the two digests or the signatures file was altered"));
      }
    }
  }

  SignatureCheck result() {
    return new SignatureCheck(true, CHECKED, results);
  }

  private DigestSignature check(Digest digest) {
    String path = digest.relativePath();
    Optional<String> signature = signatures.find(digest);
    if (signature.isEmpty()) {
      return new DigestSignature(path, SignatureStatus.NO_SIGNATURE,
          "the signatures file has no entry for " + digest.s3Object() + "; this digest's signature is unverified");
    }
    if (!HashValues.isHex(signature.get())) {
      return new DigestSignature(path, SignatureStatus.MALFORMED, "the supplied signature is not hex");
    }
    Optional<PublicKeys.Entry> entry = keys.find(digest.publicKeyFingerprint());
    if (entry.isEmpty()) {
      return new DigestSignature(path, SignatureStatus.NO_PUBLIC_KEY, "no supplied public key has the fingerprint '"
          + digest.publicKeyFingerprint() + "'; export the keys for this region and time");
    }
    if (entry.get().key().isEmpty()) {
      return new DigestSignature(path, SignatureStatus.MALFORMED,
          "the public key " + entry.get().fingerprint() + " could not be decoded from its Value");
    }
    if (digest.endTimeText().isEmpty() || digest.bucket().isEmpty() || digest.s3Object().isEmpty()) {
      return new DigestSignature(path, SignatureStatus.MALFORMED,
          "digestEndTime, digestS3Bucket or digestS3Object is missing, so the signed string cannot be built");
    }
    try {
      boolean valid = verify(entry.get().key().get(), signedString(digest), HexFormat.of().parseHex(signature.get()));
      return valid
          ? new DigestSignature(path, SignatureStatus.VALID, "SHA256withRSA signature verifies" + validity(digest, entry.get()))
          : new DigestSignature(path, SignatureStatus.INVALID,
              "SHA256withRSA signature does not verify: the digest or its signature was altered");
    } catch (GeneralSecurityException e) {
      return new DigestSignature(path, SignatureStatus.INVALID, "SHA256withRSA signature does not verify ("
          + e.getMessage() + "): the digest or its signature was altered");
    }
  }

  /** The string CloudTrail signs for a digest. */
  static String signedString(Digest digest) {
    return digest.endTimeText() + "\n" + digest.bucket() + "/" + digest.s3Object() + "\n" + digest.contentSha256()
        + "\n" + digest.previousSignature().orElse("null");
  }

  private static boolean verify(PublicKey key, String signed, byte[] signature) throws GeneralSecurityException {
    Signature verifier = Signature.getInstance("SHA256withRSA");
    verifier.initVerify(key);
    verifier.update(signed.getBytes(StandardCharsets.UTF_8));
    return verifier.verify(signature);
  }

  private static String validity(Digest digest, PublicKeys.Entry entry) {
    Optional<Instant> end = digest.endTime();
    boolean outside = end.isPresent()
        && (entry.validityStart().map(start -> end.get().isBefore(start)).orElse(false)
            || entry.validityEnd().map(stop -> end.get().isAfter(stop)).orElse(false));
    return outside ? " (but digestEndTime falls outside the key's validity period)" : "";
  }
}
