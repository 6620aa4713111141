package io.trailsleuth.analysis;

/** A change event's actor together with the event itself, for attribution and evidence. */
record ActorEvent(Actor actor, Evidence evidence) {}
