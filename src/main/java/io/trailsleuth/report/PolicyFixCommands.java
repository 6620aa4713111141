package io.trailsleuth.report;

import static io.trailsleuth.report.Remedies.shell;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trailsleuth.analysis.policy.PolicyDrift;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The shell commands that re-apply a drifted policy unchanged, so that AWS resolves the role ARN to the role's new
 * unique ID, with the policy text recovered from the log written to a file first.
 */
final class PolicyFixCommands {
  private static final ObjectMapper JSON = new ObjectMapper();

  private PolicyFixCommands() {}

  /** The commands as lines of a shell script (one command or heredoc line each). */
  static List<String> of(PolicyDrift d) {
    JsonNode policy = parse(d.policyText());
    String region = d.region() == null ? "" : " --region " + shell(d.region());
    String name = d.resourceName() == null ? d.resourceArn() : d.resourceName();
    List<String> lines = new ArrayList<>();
    switch (d.resourceType()) {
      case "s3-bucket" -> file(lines, "policy.json", policy).add("aws s3api put-bucket-policy --bucket " + shell(name)
          + " --policy file://policy.json");
      case "kms-key" -> file(lines, "policy.json", policy).add("aws kms put-key-policy" + region + " --key-id "
          + shell(name) + " --policy-name default --policy file://policy.json");
      case "iam-role-trust" -> file(lines, "policy.json", policy).add("aws iam update-assume-role-policy --role-name "
          + shell(name) + " --policy-document file://policy.json");
      case "sqs-queue" -> file(lines, "attributes.json", JSON.valueToTree(Map.of("Policy", policy.toString())))
          .add("aws sqs set-queue-attributes" + region + " --queue-url " + shell(name)
              + " --attributes file://attributes.json");
      case "sns-topic" -> file(lines, "policy.json", policy).add("aws sns set-topic-attributes" + region
          + " --topic-arn " + shell(name) + " --attribute-name Policy --attribute-value file://policy.json");
      case "secret" -> file(lines, "policy.json", policy).add("aws secretsmanager put-resource-policy" + region
          + " --secret-id " + shell(name) + " --resource-policy file://policy.json");
      case "ecr-repository" -> file(lines, "policy.json", policy).add("aws ecr set-repository-policy" + region
          + " --repository-name " + shell(name) + " --policy-text file://policy.json");
      case "lambda-permission" -> {
        String statement = shell(d.entryDetail() == null ? "" : d.entryDetail());
        lines.add("aws lambda remove-permission" + region + " --function-name " + shell(name) + " --statement-id "
            + statement);
        lines.add("aws lambda add-permission" + region + " --function-name " + shell(name) + " --statement-id "
            + statement + " --action " + shell(policy.path("Action").asText("lambda:InvokeFunction"))
            + " --principal " + shell(d.roleArn()));
      }
      case "kms-grant" -> {
        StringBuilder operations = new StringBuilder();
        policy.path("Operations").forEach(operation -> operations.append(' ').append(shell(operation.asText())));
        boolean constrained = policy.path("Constraints").isObject();
        if (constrained) {
          file(lines, "constraints.json", policy.path("Constraints"));
        }
        lines.add("aws kms create-grant" + region + " --key-id " + shell(name) + " --grantee-principal "
            + shell(d.roleArn()) + " --operations" + operations + (constrained ? " --constraints file://constraints.json" : ""));
        if (d.entryDetail() != null) {
          lines.add("aws kms revoke-grant" + region + " --key-id " + shell(name) + " --grant-id " + shell(d.entryDetail()));
        }
      }
      default -> throw new IllegalArgumentException("no fix for resource type " + d.resourceType());
    }
    return lines;
  }

  /** Adds a heredoc that writes a JSON document; pretty-printed JSON has no line equal to the delimiter. */
  private static List<String> file(List<String> lines, String name, JsonNode document) {
    lines.add("cat > " + name + " <<'POLICY'");
    try {
      lines.addAll(List.of(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document).split("\n")));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a parsed policy could not be written back", e);
    }
    lines.add("POLICY");
    return lines;
  }

  private static JsonNode parse(String policyText) {
    try {
      return policyText == null ? JSON.createObjectNode() : JSON.readTree(policyText);
    } catch (JsonProcessingException e) {
      return JSON.createObjectNode();
    }
  }
}
