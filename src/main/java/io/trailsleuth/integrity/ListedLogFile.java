package io.trailsleuth.integrity;

import static java.util.Objects.requireNonNull;

import java.util.HexFormat;
import java.util.Objects;

/**
 * One entry of a digest's logFiles[]: the log file's key and its recorded hashValue. A hashValue of 64 lower-case hex
 * digits, as CloudTrail writes it, is held as four longs (an entry of 56 bytes, not 128 with a string of its own; every
 * entry is held while the ingest parses); any other text is held as written.
 */
final class ListedLogFile {
  private static final HexFormat HEX = HexFormat.of();

  private final String s3Object;
  /** The hashValue as written when it is not 64 lower-case hex digits; else null, and the longs hold it. */
  private final String unusualHashValue;
  private final long first;
  private final long second;
  private final long third;
  private final long fourth;

  ListedLogFile(String s3Object, String hashValue) {
    this.s3Object = requireNonNull(s3Object, "s3Object is null");
    requireNonNull(hashValue, "hashValue is null");
    boolean usual = hashValue.length() == 64 && hashValue.chars().allMatch(ListedLogFile::isLowerCaseHex);
    unusualHashValue = usual ? null : hashValue;
    first = usual ? HEX.fromHexDigitsToLong(hashValue, 0, 16) : 0;
    second = usual ? HEX.fromHexDigitsToLong(hashValue, 16, 32) : 0;
    third = usual ? HEX.fromHexDigitsToLong(hashValue, 32, 48) : 0;
    fourth = usual ? HEX.fromHexDigitsToLong(hashValue, 48, 64) : 0;
  }

  private static boolean isLowerCaseHex(int character) {
    return (character >= '0' && character <= '9') || (character >= 'a' && character <= 'f');
  }

  /** The log file's S3 key as the digest lists it. */
  String s3Object() {
    return s3Object;
  }

  /** The recorded hashValue, exactly as written. */
  String hashValue() {
    return unusualHashValue != null ? unusualHashValue
        : HEX.toHexDigits(first) + HEX.toHexDigits(second) + HEX.toHexDigits(third) + HEX.toHexDigits(fourth);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ListedLogFile entry && s3Object.equals(entry.s3Object)
        && hashValue().equals(entry.hashValue());
  }

  @Override
  public int hashCode() {
    return Objects.hash(s3Object, hashValue());
  }

  @Override
  public String toString() {
    return "ListedLogFile[s3Object=" + s3Object + ", hashValue=" + hashValue() + "]";
  }
}
