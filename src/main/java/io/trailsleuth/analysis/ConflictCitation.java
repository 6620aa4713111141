package io.trailsleuth.analysis;

import static java.util.Objects.requireNonNull;

/**
 * A finding whose evidence cites an event with conflicting copies, and what that did to it.
 *
 * @param finding the kind of finding: breakage, at-risk or policy-drift
 * @param functionArn the function the finding is about (for policy drift: the resource whose policy drifted)
 * @param effect what the conflict changed, in words (e.g. the confidence lowered, and from what to what)
 */
public record ConflictCitation(String finding, String functionArn, String effect) {
  public ConflictCitation {
    requireNonNull(finding, "finding is null");
    requireNonNull(functionArn, "functionArn is null");
    requireNonNull(effect, "effect is null");
  }
}
