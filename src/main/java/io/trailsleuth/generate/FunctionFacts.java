package io.trailsleuth.generate;

import static java.util.Objects.requireNonNull;

/**
 * The fixed facts of one Lambda function that its records repeat.
 *
 * @param name the function name
 * @param arn the function ARN
 * @param runtime the runtime identifier
 * @param codeSha256 base64 SHA-256 of the deployment package
 * @param codeSize the package size in bytes
 */
record FunctionFacts(String name, String arn, String runtime, String codeSha256, int codeSize) {
  FunctionFacts {
    requireNonNull(name, "name is null");
    requireNonNull(arn, "arn is null");
    requireNonNull(runtime, "runtime is null");
    requireNonNull(codeSha256, "codeSha256 is null");
  }
}
