package io.trailsleuth.analysis;

import java.util.Comparator;

/** A Lambda function identified by account, region and name. */
record FunctionKey(String accountId, String region, String name) implements Comparable<FunctionKey> {
  private static final Comparator<FunctionKey> ORDER = Comparator.comparing(FunctionKey::accountId)
      .thenComparing(FunctionKey::region).thenComparing(FunctionKey::name);

  /** Parses arn:aws:lambda:REGION:ACCOUNT:function:NAME[:qualifier]; null when it is not one. */
  static FunctionKey fromArn(String arn) {
    String[] parts = arn.split(":");
    if (parts.length < 7 || !parts[2].equals("lambda") || !parts[5].equals("function")) {
      return null;
    }
    return new FunctionKey(parts[4], parts[3], parts[6]);
  }

  String arn() {
    return "arn:aws:lambda:" + region + ":" + accountId + ":function:" + name;
  }

  @Override
  public int compareTo(FunctionKey other) {
    return ORDER.compare(this, other);
  }
}
