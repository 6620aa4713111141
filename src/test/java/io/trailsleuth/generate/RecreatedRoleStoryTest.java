package io.trailsleuth.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecreatedRoleStoryTest {
  private static final String ROLE = "billing-worker-exec";

  @TempDir
  static Path archive;

  static List<JsonNode> records;

  @BeforeAll
  static void generate() throws IOException {
    ArchiveGenerator.generate(ArchiveGeneratorTest.options(Scenario.RECREATED_ROLE, 7, 2_500, archive));
    records = ArchiveFiles.records(archive).stream()
        .sorted((left, right) -> left.get("eventTime").asText().compareTo(right.get("eventTime").asText())).toList();
  }

  @Test
  void roleIsCreatedTwiceWithDifferentUniqueIdsAroundOneDeletion() {
    List<JsonNode> created = matching(named("CreateRole").and(requestRole(ROLE)));
    List<JsonNode> deleted = matching(named("DeleteRole").and(requestRole(ROLE)));

    assertThat(created).hasSize(2);
    assertThat(deleted).singleElement().satisfies(record -> {
      assertThat(record.get("eventTime").asText()).isEqualTo("2026-03-03T10:14:06Z");
      assertThat(record.get("awsRegion").asText()).isEqualTo("us-east-1");
      assertThat(record.at("/userIdentity/arn").asText())
          .isEqualTo("arn:aws:sts::111122223333:assumed-role/terraform-ci/gha-run-4411");
    });
    assertThat(roleId(created.get(0))).matches("AROA[A-Z0-9]{17}").isNotEqualTo(roleId(created.get(1)));
    assertThat(created.get(0).at("/responseElements/role/createDate").asText()).isEqualTo("Mar 2, 2026 9:00:00 AM");
    assertThat(created.get(1).get("eventTime").asText()).isEqualTo("2026-03-03T10:14:10Z");
  }

  @Test
  void decryptsAfterTheRecreationAreDeniedUnderTheNewRoleIdUntilTheFix() {
    List<JsonNode> created = matching(named("CreateRole").and(requestRole(ROLE)));
    String oldRoleId = roleId(created.get(0));
    String newRoleId = roleId(created.get(1));
    List<JsonNode> denied = matching(named("Decrypt").and(record -> record.has("errorCode"))
        .and(record -> record.at("/userIdentity/principalId").asText().endsWith(":billing-worker")));

    assertThat(denied).hasSize(30).allSatisfy(record -> {
      assertThat(record.get("errorCode").asText()).isEqualTo("AccessDenied");
      assertThat(record.at("/userIdentity/principalId").asText()).isEqualTo(newRoleId + ":billing-worker");
      assertThat(record.at("/userIdentity/sessionContext/sessionIssuer/principalId").asText()).isEqualTo(newRoleId);
      assertThat(record.get("requestParameters").isNull()).isTrue();
      assertThat(record.get("errorMessage").asText()).startsWith(
          "User: arn:aws:sts::111122223333:assumed-role/billing-worker-exec/billing-worker is not authorized to "
              + "perform: kms:Decrypt on resource: arn:aws:kms:eu-west-1:111122223333:key/");
      assertThat(record.get("eventTime").asText()).isBetween("2026-03-03T10:20:00Z", "2026-03-03T13:00:00Z");
    });
    assertThat(denied).anyMatch(record -> record.get("errorMessage").asText().endsWith("kms:Decrypt action"))
        .anyMatch(record -> !record.get("errorMessage").asText().contains("because"));
    assertThat(workerDecrypts(oldRoleId)).isNotEmpty()
        .allMatch(record -> record.get("eventTime").asText().compareTo("2026-03-03T10:14:06Z") < 0);
    assertThat(workerDecrypts(newRoleId)).filteredOn(record -> !record.has("errorCode")).isNotEmpty()
        .allMatch(record -> record.get("eventTime").asText().compareTo("2026-03-03T13:15:00Z") >= 0);
  }

  @Test
  void lambdaCreatesAGrantPerDeploymentAndPerRoleChange() {
    List<JsonNode> grants = matching(named("CreateGrant"));

    assertThat(grants).hasSize(4).allSatisfy(grant -> {
      assertThat(grant.at("/userIdentity/invokedBy").asText()).isEqualTo("lambda.amazonaws.com");
      assertThat(grant.get("sourceIPAddress").asText()).isEqualTo("lambda.amazonaws.com");
      assertThat(grant.at("/requestParameters/operations").toString()).isEqualTo("[\"Decrypt\",\"RetireGrant\"]");
      assertThat(grant.at("/responseElements/grantId").asText()).matches("[0-9a-f]{64}");
      assertThat(grant.at("/requestParameters/granteePrincipal").asText())
          .isEqualTo(grant.at("/requestParameters/retiringPrincipal").asText());
    });
    assertThat(grants).extracting(grant -> grant.at("/requestParameters/granteePrincipal").asText()).containsExactly(
        "arn:aws:sts::111122223333:assumed-role/billing-worker-exec/billing-worker",
        "arn:aws:sts::111122223333:assumed-role/billing-worker-exec/billing-reporter",
        "arn:aws:sts::111122223333:assumed-role/billing-worker-tmp/billing-worker",
        "arn:aws:sts::111122223333:assumed-role/billing-worker-exec/billing-worker");
    assertThat(grants).extracting(grant -> grant.at("/requestParameters/constraints/encryptionContextEquals")
        .get("aws:lambda:FunctionArn").asText()).containsOnly(
        "arn:aws:lambda:eu-west-1:111122223333:function:billing-worker",
        "arn:aws:lambda:eu-west-1:111122223333:function:billing-reporter");
  }

  @Test
  void functionsAreCreatedWithoutACustomerKeyAndRepairedByARoleSwap() {
    assertThat(matching(named("CreateFunction20150331"))).hasSize(2).allSatisfy(record -> {
      assertThat(record.at("/requestParameters/role").asText())
          .isEqualTo("arn:aws:iam::111122223333:role/billing-worker-exec");
      assertThat(record.at("/requestParameters/environment").isEmpty()).isTrue();
      assertThat(record.get("requestParameters").has("kMSKeyArn")).isFalse();
    });
    assertThat(matching(named("UpdateFunctionConfiguration20150331v2")))
        .extracting(record -> record.at("/requestParameters/role").asText())
        .containsExactly("arn:aws:iam::111122223333:role/billing-worker-tmp",
            "arn:aws:iam::111122223333:role/billing-worker-exec");
  }

  @Test
  void reporterHasNoDecryptsAfterTheRecreation() {
    assertThat(matching(named("Decrypt").and(record ->
        record.at("/userIdentity/principalId").asText().endsWith(":billing-reporter"))))
        .isNotEmpty().allMatch(record -> record.get("eventTime").asText().compareTo("2026-03-03T10:14:06Z") < 0);
  }

  @Test
  void aDeveloperIsDeniedOnACustomerKey() {
    assertThat(matching(named("Decrypt").and(record ->
        record.at("/userIdentity/arn").asText().equals("arn:aws:iam::111122223333:user/dev-bob"))))
        .hasSizeBetween(1, 2).allMatch(record -> record.get("errorCode").asText().equals("AccessDenied"));
  }

  private static List<JsonNode> workerDecrypts(String roleId) {
    return matching(named("Decrypt").and(record ->
        record.at("/userIdentity/principalId").asText().equals(roleId + ":billing-worker")));
  }

  private static List<JsonNode> matching(Predicate<JsonNode> predicate) {
    return records.stream().filter(predicate).toList();
  }

  private static Predicate<JsonNode> named(String eventName) {
    return record -> record.get("eventName").asText().equals(eventName);
  }

  private static Predicate<JsonNode> requestRole(String roleName) {
    return record -> record.at("/requestParameters/roleName").asText().equals(roleName);
  }

  private static String roleId(JsonNode createRole) {
    return createRole.at("/responseElements/role/roleId").asText();
  }
}
