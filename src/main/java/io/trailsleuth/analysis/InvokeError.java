package io.trailsleuth.analysis;

/** A Lambda Invoke data event that failed on KMS, for the function it names. */
record InvokeError(FunctionKey function, Evidence evidence) {}
