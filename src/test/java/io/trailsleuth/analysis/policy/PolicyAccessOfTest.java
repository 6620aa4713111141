package io.trailsleuth.analysis.policy;

import static io.trailsleuth.analysis.policy.DriftScenarios.NEW;
import static io.trailsleuth.analysis.policy.DriftScenarios.OLD;
import static io.trailsleuth.analysis.policy.PolicyStory.ACCOUNT;
import static io.trailsleuth.analysis.policy.PolicyStory.policy;
import static io.trailsleuth.analysis.policy.PolicyStory.request;
import static io.trailsleuth.analysis.policy.PolicyStory.roleArn;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code policy_access_of(true)}, which the drift reads, keeps exactly the access rows of the roles policies name. */
final class PolicyAccessOfTest {
  private static final String COLUMNS = "role_account_id, role_name, event_name, denied, target_key";

  @TempDir
  Path temp;

  @Test
  void keepsEveryAccessRowOfARoleAPolicyNamesAndNoneOfOtherRoles() throws Exception {
    PolicyStory story = DriftScenarios.recreatedAround(ACCOUNT, new PolicyStory()
            .createRole("2026-03-01T09:00:00Z", ACCOUNT, "app-role", OLD)
            .putBucketPolicy("2026-03-01T09:10:00Z", ACCOUNT, "shared-bucket",
                policy("Principal", "s3:PutObject", roleArn(ACCOUNT, "app-role"))))
        .denied("2026-03-02T10:05:00Z", ACCOUNT, "app-role", NEW, "s3.amazonaws.com", "PutObject",
            request("bucketName", "shared-bucket").put("key", "a.csv"), "arn:aws:s3:::shared-bucket/a.csv")
        .denied("2026-03-02T10:06:00Z", ACCOUNT, "other-role", "AROAOTHEROTHEROTHER03", "s3.amazonaws.com",
            "PutObject", request("bucketName", "shared-bucket").put("key", "b.csv"), "arn:aws:s3:::shared-bucket/b.csv");
    Path store = DriftScenarios.ingest(temp, story);

    List<String> all = DriftScenarios.rows(store, "SELECT " + COLUMNS + " FROM policy_access ORDER BY ALL");
    List<String> named = DriftScenarios.rows(store, "SELECT " + COLUMNS + " FROM policy_access_of(true) ORDER BY ALL");

    assertThat(all).containsExactly(
        ACCOUNT + " app-role PutObject true arn:aws:s3:::shared-bucket",
        ACCOUNT + " other-role PutObject true arn:aws:s3:::shared-bucket");
    assertThat(named).containsExactly(ACCOUNT + " app-role PutObject true arn:aws:s3:::shared-bucket");
    String namedRoles = "SELECT DISTINCT role_account_id, role_name FROM policy_ledger WHERE change_kind = 'write'";
    String restricted = "SELECT * FROM policy_access WHERE (role_account_id, role_name) IN (" + namedRoles + ")";
    assertThat(DriftScenarios.rows(store, "SELECT count(*) FROM (SELECT * FROM policy_access_of(true) EXCEPT ALL "
        + restricted + ")")).containsExactly("0");
    assertThat(DriftScenarios.rows(store, "SELECT count(*) FROM (" + restricted + " EXCEPT ALL"
        + " SELECT * FROM policy_access_of(true))")).containsExactly("0");
  }
}
