package io.trailsleuth.generate;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A principal calling from somewhere with some client: the parts of a record that say who and how.
 *
 * @param principal who signed the call
 * @param sourceIpAddress where the call came from
 * @param userAgent the client's user agent
 * @param console true when the call came from the AWS console (user agent "AWS Internal")
 */
record Caller(Principal principal, String sourceIpAddress, String userAgent, boolean console) {
  Caller {
    requireNonNull(principal, "principal is null");
    requireNonNull(sourceIpAddress, "sourceIpAddress is null");
    requireNonNull(userAgent, "userAgent is null");
  }

  /** A record builder for a call this caller made to a service endpoint in a region. */
  RecordBuilder call(Instant time, String service, String eventName, String region) {
    RecordBuilder builder = new RecordBuilder(principal.identity(null), time, service + ".amazonaws.com", eventName,
        region, sourceIpAddress, userAgent).tls(host(service, region));
    return console ? builder.console() : builder;
  }

  /** The endpoint host: global services have no region in it. */
  static String host(String service, String region) {
    return switch (service) {
      case "iam", "signin" -> service + ".amazonaws.com";
      case "s3" -> region.equals("us-east-1") ? "s3.amazonaws.com" : "s3." + region + ".amazonaws.com";
      default -> service + "." + region + ".amazonaws.com";
    };
  }
}
