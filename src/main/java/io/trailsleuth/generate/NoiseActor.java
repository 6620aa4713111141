package io.trailsleuth.generate;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * Someone or something that makes everyday API calls in the background traffic.
 *
 * @param template the principal; role sessions get a fresh start time per call
 * @param sourceIpAddress where the calls come from
 * @param userAgents the clients this actor uses, one picked per call
 * @param audience whether the actor is a person at the console, a person with a CLI or SDK, or a workload
 */
record NoiseActor(Principal template, String sourceIpAddress, List<String> userAgents, Audience audience) {
  /** Which kind of caller an actor is, and which calls it makes. */
  enum Audience { CONSOLE, PERSON, WORKLOAD }

  NoiseActor {
    requireNonNull(template, "template is null");
    requireNonNull(sourceIpAddress, "sourceIpAddress is null");
    userAgents = List.copyOf(userAgents);
    requireNonNull(audience, "audience is null");
  }

  /** The caller for one call at {@code time}; a role session began up to an hour earlier. */
  Caller caller(Instant time, RandomIds ids) {
    Principal principal = template;
    if (template.type() == Principal.Type.ASSUMED_ROLE) {
      Instant created = time.minusSeconds(ids.between(30, 3_500));
      principal = template.withSession(template.session(), template.accessKeyId(), created);
    }
    return new Caller(principal, sourceIpAddress, ids.pick(userAgents), audience == Audience.CONSOLE);
  }
}
