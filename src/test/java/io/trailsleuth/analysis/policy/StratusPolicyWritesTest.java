package io.trailsleuth.analysis.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.trailsleuth.pipeline.IngestSummary;
import io.trailsleuth.pipeline.TestStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real stratus-red-team detonation logs under {@code ../shared/datasets} (read in place): every record is stored,
 * and the policy writes they hold reach the ledger with their resources and policy text. Skipped when absent.
 */
class StratusPolicyWritesTest {
  @TempDir
  Path temp;

  @Test
  void ledgerHoldsTheTrustPolicyAndLambdaPermissionWritesOfTheDetonations() throws Exception {
    String shared = System.getProperty("trailsleuth.shared");
    assumeTrue(shared != null, "no shared folder given");
    Path logs = Path.of(shared, "datasets", "stratus-detonation-logs");
    assumeTrue(Files.isDirectory(logs), "stratus-detonation-logs is absent");
    Path store = temp.resolve("store");

    IngestSummary summary = TestStores.ingest(store, logs);

    assertThat(summary.recordsRead()).isEqualTo(310);
    assertThat(summary.stored()).isEqualTo(310);
    assertThat(summary.rejected()).isZero();
    List<String> ledger = DriftScenarios.rows(store, "SELECT event_name, resource_type, change_kind, resource_arn, "
        + "coalesce(principal_arn, '-') AS principal, json_extract_string(policy_text, '$.Statement[1].Principal.AWS') "
        + "AS second_principal, json_extract_string(policy_text, '$.Principal') AS permission_principal "
        + "FROM policy_ledger ORDER BY event_time, event_id");
    assertThat(DriftScenarios.rows(store, "SELECT count(*) FROM policy_drift")).containsExactly("0");
    assertThat(ledger).containsExactly(
        "UpdateAssumeRolePolicy iam-role-trust write arn:aws:iam::751203476945:role/stratus-red-team-backdoor-r-role - "
            + "arn:aws:iam::193672423079:root null",
        "CreateRole iam-role-trust write arn:aws:iam::609418236337:role/stratus-red-team-malicious-iam-role - null null",
        "AddPermission20150331v2 lambda-permission write "
            + "arn:aws:lambda:ca-centralnorth-1r:880896431042:function:stratus-red-team-backdoor-f-func - null *");
  }
}
