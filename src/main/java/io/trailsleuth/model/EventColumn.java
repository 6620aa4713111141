package io.trailsleuth.model;

import java.util.List;

/**
 * Every column of the normalised event table, declared once. Arrow batches, the Parquet files and the
 * DuckDB {@code events} view all derive from this list; {@code jsonPath} names the CloudTrail field it
 * is read from ("" for columns the ingest computes).
 */
public enum EventColumn implements TableColumn {
  EVENT_ID("event_id", ColumnType.STRING, "eventID"),
  EVENT_ID_DERIVED("event_id_derived", ColumnType.BOOLEAN, ""),
  EVENT_TIME("event_time", ColumnType.TIMESTAMP, "eventTime"),
  EVENT_VERSION("event_version", ColumnType.STRING, "eventVersion"),
  EVENT_SOURCE("event_source", ColumnType.STRING, "eventSource"),
  EVENT_NAME("event_name", ColumnType.STRING, "eventName"),
  AWS_REGION("aws_region", ColumnType.STRING, "awsRegion"),
  RECIPIENT_ACCOUNT_ID("recipient_account_id", ColumnType.STRING, "recipientAccountId"),
  USER_IDENTITY_TYPE("user_identity_type", ColumnType.STRING, "userIdentity.type"),
  USER_IDENTITY_PRINCIPAL_ID("user_identity_principal_id", ColumnType.STRING, "userIdentity.principalId"),
  USER_IDENTITY_ARN("user_identity_arn", ColumnType.STRING, "userIdentity.arn"),
  USER_IDENTITY_ACCOUNT_ID("user_identity_account_id", ColumnType.STRING, "userIdentity.accountId"),
  USER_IDENTITY_ACCESS_KEY_ID("user_identity_access_key_id", ColumnType.STRING, "userIdentity.accessKeyId"),
  USER_IDENTITY_USER_NAME("user_identity_user_name", ColumnType.STRING, "userIdentity.userName"),
  SESSION_ISSUER_TYPE("session_issuer_type", ColumnType.STRING, "userIdentity.sessionContext.sessionIssuer.type"),
  SESSION_ISSUER_PRINCIPAL_ID(
      "session_issuer_principal_id", ColumnType.STRING, "userIdentity.sessionContext.sessionIssuer.principalId"),
  SESSION_ISSUER_ARN("session_issuer_arn", ColumnType.STRING, "userIdentity.sessionContext.sessionIssuer.arn"),
  SESSION_ISSUER_ACCOUNT_ID(
      "session_issuer_account_id", ColumnType.STRING, "userIdentity.sessionContext.sessionIssuer.accountId"),
  SESSION_ISSUER_USER_NAME(
      "session_issuer_user_name", ColumnType.STRING, "userIdentity.sessionContext.sessionIssuer.userName"),
  SESSION_CREATION_DATE(
      "session_creation_date", ColumnType.STRING, "userIdentity.sessionContext.attributes.creationDate"),
  SESSION_MFA_AUTHENTICATED(
      "session_mfa_authenticated", ColumnType.BOOLEAN, "userIdentity.sessionContext.attributes.mfaAuthenticated"),
  INVOKED_BY("invoked_by", ColumnType.STRING, "userIdentity.invokedBy"),
  SOURCE_IP_ADDRESS("source_ip_address", ColumnType.STRING, "sourceIPAddress"),
  USER_AGENT("user_agent", ColumnType.STRING, "userAgent"),
  ERROR_CODE("error_code", ColumnType.STRING, "errorCode"),
  ERROR_MESSAGE("error_message", ColumnType.STRING, "errorMessage"),
  READ_ONLY("read_only", ColumnType.BOOLEAN, "readOnly"),
  MANAGEMENT_EVENT("management_event", ColumnType.BOOLEAN, "managementEvent"),
  EVENT_TYPE("event_type", ColumnType.STRING, "eventType"),
  EVENT_CATEGORY("event_category", ColumnType.STRING, "eventCategory"),
  REQUEST_ID("request_id", ColumnType.STRING, "requestID"),
  SHARED_EVENT_ID("shared_event_id", ColumnType.STRING, "sharedEventID"),
  API_VERSION("api_version", ColumnType.STRING, "apiVersion"),
  VPC_ENDPOINT_ID("vpc_endpoint_id", ColumnType.STRING, "vpcEndpointId"),
  SESSION_CREDENTIAL_FROM_CONSOLE(
      "session_credential_from_console", ColumnType.BOOLEAN, "sessionCredentialFromConsole"),
  USER_IDENTITY("user_identity", ColumnType.JSON, "userIdentity"),
  REQUEST_PARAMETERS("request_parameters", ColumnType.JSON, "requestParameters"),
  RESPONSE_ELEMENTS("response_elements", ColumnType.JSON, "responseElements"),
  ADDITIONAL_EVENT_DATA("additional_event_data", ColumnType.JSON, "additionalEventData"),
  RESOURCES("resources", ColumnType.JSON, "resources"),
  SERVICE_EVENT_DETAILS("service_event_details", ColumnType.JSON, "serviceEventDetails"),
  TLS_DETAILS("tls_details", ColumnType.JSON, "tlsDetails"),
  EXTRA_FIELDS("extra_fields", ColumnType.JSON, ""),
  SOURCE_FILE("source_file", ColumnType.STRING, ""),
  SOURCE_RECORD("source_record", ColumnType.BIGINT, ""),
  SOURCE_SHA256("source_sha256", ColumnType.STRING, ""),
  SOURCE_SHAPE("source_shape", ColumnType.STRING, ""),
  /** Where the record starts in its file's decompressed bytes (for shapes that embed it: where its envelope starts). */
  SOURCE_OFFSET("source_offset", ColumnType.BIGINT, ""),
  /** How many decompressed bytes the record (or its envelope, or the JSON string that holds it) takes. */
  SOURCE_LENGTH("source_length", ColumnType.BIGINT, "");

  /** All columns in table order. */
  public static final List<EventColumn> ALL = List.of(values());

  private final String columnName;
  private final ColumnType type;
  private final String jsonPath;

  EventColumn(String columnName, ColumnType type, String jsonPath) {
    this.columnName = columnName;
    this.type = type;
    this.jsonPath = jsonPath;
  }

  @Override
  public String columnName() {
    return columnName;
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
