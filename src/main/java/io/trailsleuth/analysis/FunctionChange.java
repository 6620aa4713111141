package io.trailsleuth.analysis;

import java.time.Instant;

/** A CreateFunction, UpdateFunctionConfiguration or DeleteFunction from the function_history view. */
record FunctionChange(Instant time, String eventName, FunctionKey function, String functionArn, String roleArn,
    String requestedRoleArn, String kmsKeyArn, String errorCode, Evidence evidence) {}
