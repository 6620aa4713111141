package io.trailsleuth.ingest.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trailsleuth.ingest.SourceShape;
import io.trailsleuth.model.SnapshotColumn;
import io.trailsleuth.model.SnapshotItem;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SnapshotFieldsTest {
  private final ObjectMapper mapper = new ObjectMapper();
  private final SnapshotFields fields = new SnapshotFields(mapper);

  private SnapshotItem read(SourceShape kind, String json) throws Exception {
    JsonNode document = mapper.readTree(json);
    return fields.read(kind, SnapshotItems.of(kind, document).get(0));
  }

  @Test
  void readsAGranteeShownByUniqueIdAsTheDeletedRolesIdAndTheFunctionAsSession() throws Exception {
    SnapshotItem item = read(SourceShape.KMS_LIST_GRANTS, "{\"Grants\":[{\"KeyId\":\"arn:aws:kms:ap-southeast-2:"
        + "123456789012:key/k1\",\"GrantId\":\"g1\",\"CreationDate\":\"2021-09-23T21:31:55+10:00\","
        + "\"GranteePrincipal\":\"AROAWJFTKRGSL363D6SWQ:grant-shenanigans\"}]}");

    assertThat(item.get(SnapshotColumn.GRANTEE_ROLE_ID)).isEqualTo("AROAWJFTKRGSL363D6SWQ");
    assertThat(item.get(SnapshotColumn.GRANTEE_SESSION)).isEqualTo("grant-shenanigans");
    assertThat(item.get(SnapshotColumn.GRANT_CREATED_AT)).isEqualTo(Instant.parse("2021-09-23T11:31:55Z"));
    assertThat(item.get(SnapshotColumn.ACCOUNT_ID)).isEqualTo("123456789012");
    assertThat(item.get(SnapshotColumn.REGION)).isEqualTo("ap-southeast-2");
  }

  @Test
  void readsARoleNameContainingASlashFromASessionArnGrantee() throws Exception {
    SnapshotItem item = read(SourceShape.KMS_LIST_GRANTS, "[{\"KeyId\":\"k\",\"GrantId\":\"g\",\"CreationDate\":"
        + "1572216195.5,\"GranteePrincipal\":\"arn:aws:sts::1:assumed-role/odd/name/fn\",\"Constraints\":{"
        + "\"EncryptionContextEquals\":{\"aws:lambda:FunctionArn\":\"arn:aws:lambda:r:1:function:fn\"}}}]");

    assertThat(item.get(SnapshotColumn.ROLE_NAME)).isEqualTo("odd/name");
    assertThat(item.get(SnapshotColumn.GRANTEE_SESSION)).isEqualTo("fn");
    assertThat(item.get(SnapshotColumn.GRANTEE_ROLE_ID)).isNull();
    assertThat(item.get(SnapshotColumn.GRANT_CREATED_AT)).isEqualTo(Instant.parse("2019-10-27T22:43:15.500Z"));
  }

  @Test
  void readsAConfigItemWhoseConfigurationIsAJsonString() throws Exception {
    SnapshotItem item = read(SourceShape.CONFIG, "{\"configurationItems\":[{\"version\":\"1.3\",\"accountId\":\"1\","
        + "\"configurationItemCaptureTime\":\"2026-03-02T10:15:00.000Z\",\"configurationItemStatus\":"
        + "\"ResourceDeleted\",\"resourceType\":\"AWS::IAM::Role\",\"arn\":\"arn:aws:iam::111122223333:role/r\","
        + "\"configuration\":\"{\\\"roleName\\\":\\\"r\\\",\\\"roleId\\\":\\\"AROAABCDEFGHIJKLMNOP\\\","
        + "\\\"createDate\\\":\\\"2026-02-01T08:00:00.000Z\\\"}\"}]}");

    assertThat(item.get(SnapshotColumn.ROLE_NAME)).isEqualTo("r");
    assertThat(item.get(SnapshotColumn.ROLE_ID)).isEqualTo("AROAABCDEFGHIJKLMNOP");
    assertThat(item.get(SnapshotColumn.ROLE_CREATED_AT)).isEqualTo(Instant.parse("2026-02-01T08:00:00Z"));
    assertThat(item.get(SnapshotColumn.ROLE_DELETED)).isEqualTo(true);
    assertThat(item.get(SnapshotColumn.ACCOUNT_ID)).isEqualTo("1");
  }

  @Test
  void readsAFunctionWithoutKmsKeyArnAsUsingTheAwsManagedKey() throws Exception {
    SnapshotItem item = read(SourceShape.LAMBDA_CONFIG, "{\"Configuration\":{\"FunctionName\":\"fn\",\"FunctionArn\":"
        + "\"arn:aws:lambda:eu-west-1:111122223333:function:fn\",\"Role\":\"arn:aws:iam::111122223333:role/exec\"}}");

    assertThat(item.get(SnapshotColumn.FUNCTION_ROLE_ARN)).isEqualTo("arn:aws:iam::111122223333:role/exec");
    assertThat(item.get(SnapshotColumn.FUNCTION_KEY_ARN)).isNull();
    assertThat(item.get(SnapshotColumn.REGION)).isEqualTo("eu-west-1");
  }

  @Test
  void readsEveryRoleOfListRolesAndAccountAuthorizationDetails() throws Exception {
    JsonNode listRoles = mapper.readTree("{\"Roles\":[{\"RoleName\":\"a\",\"RoleId\":\"AROA1\"},{\"RoleName\":\"b\","
        + "\"RoleId\":\"AROA2\",\"CreateDate\":\"2013-04-18 05:01:58+00:00\"}]}");
    JsonNode details = mapper.readTree("{\"UserDetailList\":[],\"RoleDetailList\":[{\"RoleName\":\"c\",\"RoleId\":"
        + "\"AROA3\"}]}");

    assertThat(SourceShape.classify(listRoles)).isEqualTo(SourceShape.IAM_ROLE);
    assertThat(SourceShape.classify(details)).isEqualTo(SourceShape.IAM_ROLE);
    assertThat(SnapshotItems.of(SourceShape.IAM_ROLE, listRoles)).hasSize(2);
    assertThat(fields.read(SourceShape.IAM_ROLE, SnapshotItems.of(SourceShape.IAM_ROLE, listRoles).get(1))
        .get(SnapshotColumn.ROLE_CREATED_AT)).isEqualTo(Instant.parse("2013-04-18T05:01:58Z"));
    assertThat(SnapshotItems.of(SourceShape.IAM_ROLE, details)).hasSize(1);
  }
}
