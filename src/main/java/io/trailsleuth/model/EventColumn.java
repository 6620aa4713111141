package io.trailsleuth.model;

import java.util.List;

/**
 * Every column of the normalised event table, declared once. Arrow batches, the Parquet files and the
 * DuckDB {@code events} view all derive from this list; {@code jsonPath} names the CloudTrail field it
 * is read from ("" for columns the ingest computes).
 */
public enum EventColumn implements TableColumn {
  EVENT_ID(ColumnType.STRING, "eventID"),
  EVENT_ID_DERIVED(ColumnType.BOOLEAN, ""),
  EVENT_TIME(ColumnType.TIMESTAMP, "eventTime"),
  EVENT_VERSION(ColumnType.STRING, "eventVersion"),
  EVENT_SOURCE(ColumnType.STRING, "eventSource"),
  EVENT_NAME(ColumnType.STRING, "eventName"),
  AWS_REGION(ColumnType.STRING, "awsRegion"),
  RECIPIENT_ACCOUNT_ID(ColumnType.STRING, "recipientAccountId"),
  USER_IDENTITY_TYPE(ColumnType.STRING, "userIdentity.type"),
  USER_IDENTITY_PRINCIPAL_ID(ColumnType.STRING, "userIdentity.principalId"),
  USER_IDENTITY_ARN(ColumnType.STRING, "userIdentity.arn"),
  USER_IDENTITY_ACCOUNT_ID(ColumnType.STRING, "userIdentity.accountId"),
  USER_IDENTITY_ACCESS_KEY_ID(ColumnType.STRING, "userIdentity.accessKeyId"),
  USER_IDENTITY_USER_NAME(ColumnType.STRING, "userIdentity.userName"),
  SESSION_ISSUER_TYPE(ColumnType.STRING, "userIdentity.sessionContext.sessionIssuer.type"),
  SESSION_ISSUER_PRINCIPAL_ID(ColumnType.STRING, "userIdentity.sessionContext.sessionIssuer.principalId"),
  SESSION_ISSUER_ARN(ColumnType.STRING, "userIdentity.sessionContext.sessionIssuer.arn"),
  SESSION_ISSUER_ACCOUNT_ID(ColumnType.STRING, "userIdentity.sessionContext.sessionIssuer.accountId"),
  SESSION_ISSUER_USER_NAME(ColumnType.STRING, "userIdentity.sessionContext.sessionIssuer.userName"),
  SESSION_CREATION_DATE(ColumnType.STRING, "userIdentity.sessionContext.attributes.creationDate"),
  SESSION_MFA_AUTHENTICATED(ColumnType.BOOLEAN, "userIdentity.sessionContext.attributes.mfaAuthenticated"),
  INVOKED_BY(ColumnType.STRING, "userIdentity.invokedBy"),
  SOURCE_IP_ADDRESS(ColumnType.STRING, "sourceIPAddress"),
  USER_AGENT(ColumnType.STRING, "userAgent"),
  ERROR_CODE(ColumnType.STRING, "errorCode"),
  ERROR_MESSAGE(ColumnType.STRING, "errorMessage"),
  READ_ONLY(ColumnType.BOOLEAN, "readOnly"),
  MANAGEMENT_EVENT(ColumnType.BOOLEAN, "managementEvent"),
  EVENT_TYPE(ColumnType.STRING, "eventType"),
  EVENT_CATEGORY(ColumnType.STRING, "eventCategory"),
  REQUEST_ID(ColumnType.STRING, "requestID"),
  SHARED_EVENT_ID(ColumnType.STRING, "sharedEventID"),
  API_VERSION(ColumnType.STRING, "apiVersion"),
  VPC_ENDPOINT_ID(ColumnType.STRING, "vpcEndpointId"),
  SESSION_CREDENTIAL_FROM_CONSOLE(ColumnType.BOOLEAN, "sessionCredentialFromConsole"),
  USER_IDENTITY(ColumnType.JSON, "userIdentity"),
  REQUEST_PARAMETERS(ColumnType.JSON, "requestParameters"),
  RESPONSE_ELEMENTS(ColumnType.JSON, "responseElements"),
  ADDITIONAL_EVENT_DATA(ColumnType.JSON, "additionalEventData"),
  RESOURCES(ColumnType.JSON, "resources"),
  SERVICE_EVENT_DETAILS(ColumnType.JSON, "serviceEventDetails"),
  TLS_DETAILS(ColumnType.JSON, "tlsDetails"),
  EXTRA_FIELDS(ColumnType.JSON, ""),
  SOURCE_FILE(ColumnType.STRING, ""),
  SOURCE_RECORD(ColumnType.BIGINT, ""),
  SOURCE_SHA256(ColumnType.STRING, ""),
  SOURCE_SHAPE(ColumnType.STRING, ""),
  /** Where the record starts in its file's decompressed bytes (for shapes that embed it: where its envelope starts). */
  SOURCE_OFFSET(ColumnType.BIGINT, ""),
  /** How many decompressed bytes the record (or its envelope, or the JSON string that holds it) takes. */
  SOURCE_LENGTH(ColumnType.BIGINT, "");

  /** All columns in table order. */
  public static final List<EventColumn> ALL = List.of(values());

  private final ColumnType type;
  private final String jsonPath;

  EventColumn(ColumnType type, String jsonPath) {
    this.type = type;
    this.jsonPath = jsonPath;
  }

  @Override
  public ColumnType type() {
    return type;
  }

  /** Dotted CloudTrail field path this column is read from, or "" when the ingest computes it. */
  public String jsonPath() {
    return jsonPath;
  }

  /** True for columns read from the top level of a record (no dot in the path). */
  public boolean isTopLevelField() {
    return !jsonPath.isEmpty() && jsonPath.indexOf('.') < 0;
  }

  /** True for columns read from inside {@code userIdentity}. */
  public boolean isUserIdentityField() {
    return jsonPath.startsWith("userIdentity.");
  }
}
