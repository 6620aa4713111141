package io.trailsleuth.analysis.policy;

import static io.trailsleuth.analysis.policy.DriftScenarios.OLD;
import static io.trailsleuth.analysis.policy.PolicyStory.ACCOUNT;
import static io.trailsleuth.analysis.policy.PolicyStory.KEY;
import static io.trailsleuth.analysis.policy.PolicyStory.policy;
import static io.trailsleuth.analysis.policy.PolicyStory.roleArn;
import static org.assertj.core.api.Assertions.assertThat;

import io.trailsleuth.pipeline.TestStores;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ledger reads a policy given as an object, a JSON string or a URL-encoded string, and ends entries on rewrites and deletes. */
class PolicyLedgerTest {
  @TempDir
  Path temp;

  private List<String> ledger(PolicyStory story) throws Exception {
    Path store = temp.resolve("store");
    TestStores.ingest(store, story.write(temp.resolve("logs"), "story.jsonl"));
    return DriftScenarios.rows(store, "SELECT event_name, change_kind, resource_type, "
        + "coalesce(principal_key, '-'), coalesce(role_name, '-'), coalesce(bound_role_id, '-'), "
        + "coalesce(ended_by_event_name, '-') FROM policy_ledger ORDER BY event_time, event_id, principal_key, role_name");
  }

  @Test
  void readsObjectJsonStringAndUrlEncodedPoliciesAndEndsEntriesOnRewriteAndDelete() throws Exception {
    String role = roleArn(ACCOUNT, "app-role");
    PolicyStory story = new PolicyStory()
        .createRole("2026-03-01T09:00:00Z", ACCOUNT, "app-role", OLD)
        .createRoleWithEncodedTrustOnly("2026-03-01T09:05:00Z", ACCOUNT, "target", "AROATARGETTARGETTAR03",
            policy("Principal", "sts:AssumeRole", role))
        .putBucketPolicy("2026-03-01T09:10:00Z", ACCOUNT, "media", policy("NotPrincipal", "s3:*", role))
        .createKey("2026-03-01T09:15:00Z", ACCOUNT, KEY,
            policy("Principal", "kms:*", "arn:aws:iam::111122223333:root", role))
        .putKeyPolicy("2026-03-01T09:20:00Z", ACCOUNT, KEY, policy("Principal", "kms:*", "arn:aws:iam::111122223333:root"))
        .deleteBucketPolicy("2026-03-01T09:25:00Z", ACCOUNT, "media");

    assertThat(ledger(story)).containsExactly(
        "CreateRole write iam-role-trust - - - -",
        "CreateRole write iam-role-trust Principal app-role " + OLD + " -",
        "PutBucketPolicy write s3-bucket NotPrincipal app-role " + OLD + " DeleteBucketPolicy",
        "CreateKey write kms-key Principal app-role " + OLD + " PutKeyPolicy",
        "PutKeyPolicy write kms-key - - - -",
        "DeleteBucketPolicy delete s3-bucket - - - -");
  }
}
