package io.trailsleuth.analysis;

import static java.util.Objects.requireNonNull;

/**
 * Who made a change, from where, and with which kind of client.
 *
 * @param arn the caller's userIdentity.arn ("unknown" when absent)
 * @param sourceIpAddress sourceIPAddress, or ""
 * @param userAgent userAgent, or ""
 * @param via the client kind
 */
public record Actor(String arn, String sourceIpAddress, String userAgent, Via via) {
  public Actor {
    requireNonNull(arn, "arn is null");
    requireNonNull(sourceIpAddress, "sourceIpAddress is null");
    requireNonNull(userAgent, "userAgent is null");
    requireNonNull(via, "via is null");
  }

  /** An actor we know nothing about. */
  public static final Actor UNKNOWN = new Actor("unknown", "", "", Via.UNKNOWN);
}
