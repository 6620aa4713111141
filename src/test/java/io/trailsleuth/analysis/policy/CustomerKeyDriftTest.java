package io.trailsleuth.analysis.policy;

import static io.trailsleuth.analysis.policy.DriftScenarios.NEW;
import static io.trailsleuth.analysis.policy.DriftScenarios.OLD;
import static io.trailsleuth.analysis.policy.PolicyStory.ACCOUNT;
import static io.trailsleuth.analysis.policy.PolicyStory.KEY;
import static io.trailsleuth.analysis.policy.PolicyStory.policy;
import static io.trailsleuth.analysis.policy.PolicyStory.request;
import static io.trailsleuth.analysis.policy.PolicyStory.roleArn;
import static org.assertj.core.api.Assertions.assertThat;

import io.trailsleuth.analysis.Findings;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The customer-key case: a customer-managed key whose key policy names a role, the role re-created, and its
 * sessions (named like a job) then denied kms:Decrypt. That is key-policy drift, not a Lambda grant breakage.
 */
class CustomerKeyDriftTest {
  @TempDir
  Path temp;

  private static PolicyStory story() {
    PolicyStory story = new PolicyStory()
        .createRole("2026-03-01T09:00:00Z", ACCOUNT, "app-role", OLD)
        .createKey("2026-03-01T09:10:00Z", ACCOUNT, KEY, policy("Principal", "kms:Decrypt", roleArn(ACCOUNT, "app-role")))
        .used("2026-03-01T10:00:00Z", ACCOUNT, "app-role", OLD, "kms.amazonaws.com", "Decrypt", request("keyId", KEY))
        .used("2026-03-01T11:00:00Z", ACCOUNT, "app-role", OLD, "kms.amazonaws.com", "Decrypt", request("keyId", KEY));
    return DriftScenarios.recreatedAround(ACCOUNT, story)
        .denied("2026-03-02T10:05:00Z", ACCOUNT, "app-role", NEW, "kms.amazonaws.com", "Decrypt", null, KEY)
        .denied("2026-03-02T11:05:00Z", ACCOUNT, "app-role", NEW, "kms.amazonaws.com", "Decrypt", null, KEY)
        .denied("2026-03-02T12:05:00Z", ACCOUNT, "app-role", NEW, "kms.amazonaws.com", "Decrypt", null, KEY);
  }

  @Test
  void reportsKeyPolicyDriftWithEveryDeniedDecrypt() throws Exception {
    Findings findings = DriftScenarios.analyze(temp, story());

    assertThat(findings.policyDrift()).singleElement().satisfies(drift -> {
      assertThat(drift.resourceType()).isEqualTo("kms-key");
      assertThat(drift.resourceArn()).isEqualTo(KEY);
      assertThat(drift.status()).isEqualTo(PolicyDriftStatus.BROKEN);
      assertThat(drift.deniedCalls()).isEqualTo(3);
      assertThat(drift.deniedActions()).containsExactly("kms:Decrypt");
      assertThat(drift.confidence()).isEqualTo(DriftConfidence.CONFIRMED);
    });
  }

  @Test
  void isNotALambdaBreakage() throws Exception {
    Findings findings = DriftScenarios.analyze(temp, story());

    assertThat(findings.breakages()).isEmpty();
    assertThat(findings.atRisk()).isEmpty();
  }
}
