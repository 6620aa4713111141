import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * The DuckDB baseline of the benchmark: what a user does today with DuckDB alone, run through the
 * project's own DuckDB JDBC driver. Tuned as in ../shared notes: explicit columns, records='true',
 * format='unstructured' and maximum_object_size raised, which is DuckDB's fastest JSON path.
 *
 * <p>Run as a single-file program: {@code java -cp target/trailsleuth.jar bench/DuckDbBaseline.java MODE GLOB [OUT]}.
 * MODE {@code select} counts the relevant events (the same filter the jq baseline uses) by source and name;
 * MODE {@code copy} converts every event, flattened like the store, to one zstd Parquet file at OUT.
 */
public final class DuckDbBaseline {
  private static final String RECORD = "STRUCT("
      + "eventVersion VARCHAR, "
      + "userIdentity STRUCT(type VARCHAR, principalId VARCHAR, arn VARCHAR, accountId VARCHAR, accessKeyId VARCHAR, "
      + "userName VARCHAR, invokedBy VARCHAR, sessionContext STRUCT(sessionIssuer STRUCT(type VARCHAR, principalId VARCHAR, "
      + "arn VARCHAR, accountId VARCHAR, userName VARCHAR), attributes STRUCT(creationDate VARCHAR, mfaAuthenticated VARCHAR))), "
      + "eventTime VARCHAR, eventSource VARCHAR, eventName VARCHAR, awsRegion VARCHAR, sourceIPAddress VARCHAR, "
      + "userAgent VARCHAR, errorCode VARCHAR, errorMessage VARCHAR, requestParameters JSON, responseElements JSON, "
      + "additionalEventData JSON, requestID VARCHAR, eventID VARCHAR, readOnly BOOLEAN, resources JSON, eventType VARCHAR, "
      + "managementEvent BOOLEAN, recipientAccountId VARCHAR, sharedEventID VARCHAR, eventCategory VARCHAR, "
      + "tlsDetails JSON, sessionCredentialFromConsole VARCHAR)";

  /** The relevant events: the IAM, Lambda and KMS grant/decrypt calls the analysis reads. */
  static final String RELEVANT = "(r.eventSource IN ('iam.amazonaws.com', 'lambda.amazonaws.com') "
      + "OR (r.eventSource = 'kms.amazonaws.com' AND r.eventName IN ('CreateGrant', 'RetireGrant', 'RevokeGrant', 'Decrypt')))";

  private DuckDbBaseline() {}

  public static void main(String[] args) throws Exception {
    String mode = args[0];
    String glob = args[1].replace("'", "''");
    String source = "(SELECT unnest(Records) AS r FROM read_json('" + glob + "', format = 'unstructured', "
        + "records = 'true', maximum_object_size = 536870912, columns = {Records: '" + RECORD + "[]'}))";
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement()) {
      if (mode.equals("select")) {
        long total = 0;
        int groups = 0;
        try (ResultSet rows = statement.executeQuery("SELECT r.eventSource, r.eventName, count(*) FROM " + source
            + " WHERE " + RELEVANT + " GROUP BY ALL ORDER BY ALL")) {
          while (rows.next()) {
            total += rows.getLong(3);
            groups++;
          }
        }
        System.out.println("relevant events: " + total + " in " + groups + " (source, name) groups");
      } else if (mode.equals("copy")) {
        String out = args[2].replace("'", "''");
        statement.execute("COPY (SELECT r.eventID AS event_id, r.eventTime::TIMESTAMPTZ AS event_time, "
            + "r.eventVersion AS event_version, r.eventSource AS event_source, r.eventName AS event_name, "
            + "r.awsRegion AS aws_region, r.recipientAccountId AS recipient_account_id, "
            + "r.userIdentity.type AS user_identity_type, r.userIdentity.principalId AS user_identity_principal_id, "
            + "r.userIdentity.arn AS user_identity_arn, r.userIdentity.accountId AS user_identity_account_id, "
            + "r.userIdentity.accessKeyId AS user_identity_access_key_id, r.userIdentity.userName AS user_identity_user_name, "
            + "r.userIdentity.sessionContext.sessionIssuer.type AS session_issuer_type, "
            + "r.userIdentity.sessionContext.sessionIssuer.principalId AS session_issuer_principal_id, "
            + "r.userIdentity.sessionContext.sessionIssuer.arn AS session_issuer_arn, "
            + "r.userIdentity.sessionContext.sessionIssuer.accountId AS session_issuer_account_id, "
            + "r.userIdentity.sessionContext.sessionIssuer.userName AS session_issuer_user_name, "
            + "r.userIdentity.sessionContext.attributes.creationDate AS session_creation_date, "
            + "r.userIdentity.sessionContext.attributes.mfaAuthenticated AS session_mfa_authenticated, "
            + "r.userIdentity.invokedBy AS invoked_by, r.sourceIPAddress AS source_ip_address, r.userAgent AS user_agent, "
            + "r.errorCode AS error_code, r.errorMessage AS error_message, r.readOnly AS read_only, "
            + "r.managementEvent AS management_event, r.eventType AS event_type, r.eventCategory AS event_category, "
            + "r.requestID AS request_id, r.sharedEventID AS shared_event_id, "
            + "r.sessionCredentialFromConsole AS session_credential_from_console, "
            + "r.requestParameters::VARCHAR AS request_parameters, r.responseElements::VARCHAR AS response_elements, "
            + "r.additionalEventData::VARCHAR AS additional_event_data, r.resources::VARCHAR AS resources, "
            + "r.tlsDetails::VARCHAR AS tls_details FROM " + source + ") TO '" + out
            + "' (FORMAT parquet, COMPRESSION zstd)");
        try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM read_parquet('" + out + "')")) {
          rows.next();
          System.out.println("rows written: " + rows.getLong(1));
        }
      } else {
        throw new IllegalArgumentException("mode is select or copy, not " + mode);
      }
    }
  }
}
