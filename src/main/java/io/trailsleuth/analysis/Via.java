package io.trailsleuth.analysis;

import java.util.Locale;

/** The kind of client behind a change, classified from userAgent, invokedBy, source IP and console flag. */
public enum Via {
  TERRAFORM("terraform"),
  CLOUDFORMATION("cloudformation"),
  CDK("cdk"),
  PULUMI("pulumi"),
  CONSOLE("console"),
  AWS_CLI("aws-cli"),
  SDK("sdk"),
  UNKNOWN("unknown");

  private final String label;

  Via(String label) {
    this.label = label;
  }

  /** The name used in reports and JSON. */
  public String label() {
    return label;
  }

  /** Classifies a request; the order of the checks matters (CDK deploys through CloudFormation). */
  public static Via classify(String userAgent, String invokedBy, String sourceIpAddress, Boolean fromConsole) {
    String agent = userAgent == null ? "" : userAgent.toLowerCase(Locale.ROOT);
    String invoker = invokedBy == null ? "" : invokedBy.toLowerCase(Locale.ROOT);
    String source = sourceIpAddress == null ? "" : sourceIpAddress.toLowerCase(Locale.ROOT);
    if (agent.contains("terraform") || agent.contains("hashicorp")) {
      return TERRAFORM;
    }
    if (agent.contains("aws-cdk") || agent.contains("cdk/")) {
      return CDK;
    }
    if (agent.contains("pulumi")) {
      return PULUMI;
    }
    if (invoker.equals("cloudformation.amazonaws.com") || source.equals("cloudformation.amazonaws.com")
        || agent.equals("cloudformation.amazonaws.com")) {
      return CLOUDFORMATION;
    }
    if (Boolean.TRUE.equals(fromConsole) || agent.startsWith("console.amazonaws.com")
        || agent.contains("console.aws.amazon.com") || agent.equals("signin.amazonaws.com")) {
      return CONSOLE;
    }
    if (agent.startsWith("aws-cli/") || agent.contains(" aws-cli/")) {
      return AWS_CLI;
    }
    if (agent.contains("boto3") || agent.contains("botocore") || agent.contains("aws-sdk")
        || agent.contains("aws-internal")) {
      return SDK;
    }
    return UNKNOWN;
  }
}
