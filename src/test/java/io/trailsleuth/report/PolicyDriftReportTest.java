package io.trailsleuth.report;

import static io.trailsleuth.analysis.policy.PolicyStory.ACCOUNT;
import static io.trailsleuth.analysis.policy.PolicyStory.policy;
import static io.trailsleuth.analysis.policy.PolicyStory.request;
import static io.trailsleuth.analysis.policy.PolicyStory.roleArn;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailsleuth.analysis.policy.PolicyStory;
import io.trailsleuth.cli.CliRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broken bucket policy, an at-risk trust policy and a fixed key policy, with hostile text in the bucket name and the
 * policy: the markdown, HTML and JSON reports say what broke and how to fix it, and no log text becomes markup.
 */
class PolicyDriftReportTest {
  private static final String OLD = "AROAOLDOLDOLDOLDOLD01";
  private static final String NEW = "AROANEWNEWNEWNEWNEW02";
  private static final String BUCKET = "b`|<script>alert(1)</script>-->[x](y)";
  private static final String HOSTILE_SID = "s`|<script>alert(2)</script>\n```\n# owned\nPOLICY\n-->";
  private static final String KEY = PolicyStory.KEY;

  @TempDir
  static Path temp;

  private static String markdown;
  private static String html;
  private static JsonNode findings;
  private static String findingsText;

  private static PolicyStory story() {
    String role = roleArn(ACCOUNT, "app-role");
    ObjectNode bucketPolicy = policy("Principal", "s3:PutObject", role);
    ((ObjectNode) bucketPolicy.path("Statement").get(0)).put("Sid", HOSTILE_SID);
    return new PolicyStory()
        .createRole("2026-03-01T09:00:00Z", ACCOUNT, "app-role", OLD)
        .putBucketPolicy("2026-03-01T09:10:00Z", ACCOUNT, BUCKET, bucketPolicy)
        .createRole("2026-03-01T09:20:00Z", ACCOUNT, "deploy-target", "AROATARGETTARGETTAR03",
            policy("Principal", "sts:AssumeRole", role))
        .createKey("2026-03-01T09:30:00Z", ACCOUNT, KEY, policy("Principal", "kms:Decrypt", role))
        .deleteRole("2026-03-02T10:00:00Z", ACCOUNT, "app-role")
        .createRole("2026-03-02T10:00:05Z", ACCOUNT, "app-role", NEW)
        .denied("2026-03-02T10:05:00Z", ACCOUNT, "app-role", NEW, "s3.amazonaws.com", "PutObject",
            request("bucketName", BUCKET), "arn:aws:s3:::" + BUCKET + "/k")
        .denied("2026-03-02T10:35:00Z", ACCOUNT, "app-role", NEW, "s3.amazonaws.com", "PutObject",
            request("bucketName", BUCKET), "arn:aws:s3:::" + BUCKET + "/k")
        .putKeyPolicy("2026-03-02T11:00:00Z", ACCOUNT, KEY, policy("Principal", "kms:Decrypt", role));
  }

  @BeforeAll
  static void investigate() throws Exception {
    Path logs = temp.resolve("logs");
    story().write(logs, "policies.jsonl");
    CliRun run = CliRun.of("investigate", logs.toString(), "-q", "--out", temp.resolve("report.md").toString(),
        "--html", temp.resolve("report.html").toString(), "--json", temp.resolve("findings.json").toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    markdown = Files.readString(temp.resolve("report.md"), StandardCharsets.UTF_8);
    html = Files.readString(temp.resolve("report.html"), StandardCharsets.UTF_8);
    findingsText = Files.readString(temp.resolve("findings.json"), StandardCharsets.UTF_8);
    findings = new ObjectMapper().readTree(findingsText);
  }

  @Test
  void findingsJsonListsEveryDriftWithTheFieldsOfTheContract() {
    JsonNode drifts = findings.path("policyDrift");
    assertThat(drifts).hasSize(3);
    List<String> fields = new ArrayList<>();
    drifts.get(0).fieldNames().forEachRemaining(fields::add);
    assertThat(fields).containsExactly("accountId", "resourceArn", "resourceType", "roleArn", "roleName", "oldRoleId",
        "newRoleId", "policyEventId", "policyEventName", "policySetAt", "roleRecreatedAt", "roleRecreatedAfter",
        "roleRecreatedBefore", "roleRecreatedShownBy", "roleRecreatedBy",
        "roleRecreatedVia", "deniedCalls", "firstDeniedAt", "lastDeniedAt", "deniedActions", "status", "fixedAt",
        "fixedByEventId", "confidence", "evidence");
    List<String> summary = new ArrayList<>();
    drifts.forEach(d -> summary.add(d.path("resourceType").asText() + " " + d.path("status").asText() + " "
        + d.path("deniedCalls").asInt() + " " + d.path("confidence").asText()));
    assertThat(summary).containsExactly("iam-role-trust at-risk 0 confirmed", "kms-key fixed 0 confirmed",
        "s3-bucket broken 2 possible");
    assertThat(drifts.get(2).path("resourceArn").asText()).isEqualTo("arn:aws:s3:::" + BUCKET);
    assertThat(drifts.get(1).path("fixedAt").asText()).isEqualTo("2026-03-02T11:00:00Z");
  }

  @Test
  void markdownTitleSummaryAndCountsCoverPolicies() {
    assertThat(markdown).startsWith("# Incident report: Lambda functions and policies broken by IAM role re-creation\n");
    assertThat(markdown).contains("3 policy finding(s) after a role re-creation: 1 broken, 1 at risk, 1 fixed by "
        + "re-applying the policy; 0 function(s) at risk");
    assertThat(markdown).contains("## Policies broken by role re-creation");
    assertThat(markdown.lines().filter(l -> l.startsWith("## Policy drift: "))).hasSize(2);
    assertThat(markdown).contains("2 policies are broken or at risk: each one's section above gives the commands");
  }

  @Test
  void fixReappliesThePolicyRecoveredFromTheLogWithTheRealNames() {
    List<List<String>> scripts = MarkdownStructure.fences(markdown, "sh");
    assertThat(scripts).anySatisfy(script -> assertThat(script)
        .contains("aws iam update-assume-role-policy --role-name 'deploy-target' --policy-document file://policy.json")
        .contains("      \"AWS\" : \"arn:aws:iam::111122223333:role/app-role\""));
    assertThat(scripts).anySatisfy(script -> assertThat(script).contains(
        "aws s3api put-bucket-policy --bucket 'b?|<script>alert(1)</script>-->[x](y)' --policy file://policy.json"));
  }

  @Test
  void hostilePolicyTextCannotAddHeadingsCloseFencesOrEndTheHeredoc() {
    assertThat(markdown.lines().filter(l -> l.startsWith("#")))
        .allMatch(l -> l.startsWith("# Incident report: ") || l.startsWith("## "));
    assertThat(markdown.lines().filter(l -> l.startsWith("```")).count() % 2).isZero();
    for (List<String> script : MarkdownStructure.fences(markdown, "sh")) {
      assertThat(script.stream().filter(l -> l.equals("POLICY")).count())
          .isEqualTo(script.stream().filter(l -> l.startsWith("cat > ")).count());
      assertThat(script).allMatch(l -> l.startsWith("aws ") || l.startsWith("cat > ") || l.equals("POLICY")
          || l.equals("{") || l.equals("}") || l.startsWith("  "));
    }
    for (String line : MarkdownStructure.outsideFences(markdown)) {
      String text = MarkdownStructure.withoutCodeSpans(line);
      assertThat(text.toLowerCase(Locale.ROOT)).as(line).doesNotContain("<script").doesNotContain("</");
      assertThat(text).as(line).doesNotContainPattern("(?<!\\\\)\\]\\(").doesNotContain("<!--");
    }
  }

  @Test
  void htmlHasAChartPerOpenPolicyAndNoMarkupFromLogs() throws Exception {
    assertThat(html.toLowerCase(Locale.ROOT)).doesNotContain("<script").doesNotContain("-->");
    assertThat(html).contains("policy(ies) broken or at risk").contains("id=\"policy-chart-1\"")
        .contains("id=\"policy-chart-2\"").doesNotContain("id=\"policy-chart-3\"");
    assertThat(SvgCharts.parseAll(html)).isEqualTo(2);
    assertThat(html).contains("2 denied");
  }

  @Test
  void sameLogsGiveByteIdenticalReports() throws Exception {
    Path again = temp.resolve("again");
    CliRun run = CliRun.of("investigate", temp.resolve("logs").toString(), "-q", "--out",
        again.resolveSibling("again.md").toString(), "--json", again.resolveSibling("again.json").toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(Files.readString(again.resolveSibling("again.json"), StandardCharsets.UTF_8)).isEqualTo(findingsText);
    assertThat(Files.readString(again.resolveSibling("again.md"), StandardCharsets.UTF_8).lines().filter(l -> !l.startsWith("- Command:")))
        .containsExactlyElementsOf(markdown.lines().filter(l -> !l.startsWith("- Command:")).toList());
  }
}
