package io.trailsleuth.generate;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Function;

/**
 * One kind of everyday API call in the background traffic.
 *
 * @param service the endpoint prefix (the event source is {@code service + ".amazonaws.com"})
 * @param eventName the CloudTrail event name
 * @param readOnly whether the call only reads
 * @param audience who makes this call (null: anyone)
 * @param globalOnly true for calls recorded only in us-east-1 (IAM, S3 ListBuckets, console sign-in)
 * @param weight how often it is picked relative to the others
 * @param request builds the requestParameters (null JSON when the call has none)
 */
record NoiseAction(String service, String eventName, boolean readOnly, NoiseActor.Audience audience,
    boolean globalOnly, int weight, Function<NoiseCall, JsonNode> request) {
  NoiseAction {
    requireNonNull(service, "service is null");
    requireNonNull(eventName, "eventName is null");
    requireNonNull(request, "request is null");
  }

  /** The IAM action name as it appears in AccessDenied messages, e.g. "lambda:ListFunctions". */
  String permission() {
    String prefix = service.equals("monitoring") ? "cloudwatch" : service;
    return prefix + ":" + eventName.replaceAll("\\d{8}(v\\d)?$", "");
  }

  boolean suits(NoiseActor actor, String region) {
    return (audience == null || audience == actor.audience()) && (!globalOnly || region.equals("us-east-1"));
  }
}
