package io.trailsleuth.analysis;

import io.trailsleuth.common.SqlFiles;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The facts the analysis works on, read from the analysis views in one pass each. */
record AnalysisData(List<Generation> generations, List<GrantEvent> grants, List<GrantEnd> grantEnds,
    List<DecryptAttempt> decrypts, List<FunctionChange> changes, Map<String, ActorEvent> actors,
    List<InvokeError> invokeErrors, List<SnapshotEvidence> snapshots, List<SnapshotFile> snapshotFiles,
    Set<String> accountsWithIamEvents) {

  static AnalysisData load(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      List<GrantEnd> ends = new ArrayList<>();
      List<GrantEvent> grants = grants(statement, ends);
      List<SnapshotFile> snapshotFiles = snapshotFiles(statement);
      return new AnalysisData(generations(statement), grants, ends, decrypts(statement), changes(statement),
          actors(statement), invokeErrors(statement), snapshots(statement, snapshotFiles), snapshotFiles,
          iamAccounts(statement));
    }
  }

  /** The actor and evidence of the event with this ID; null when the ID is null or the event is not an actor event. */
  ActorEvent actorEvent(String eventId) {
    return eventId == null ? null : actors.get(eventId);
  }

  /** Every snapshot file with items, one entry each: the number of items and where the file was read. */
  private static List<SnapshotFile> snapshotFiles(Statement statement) throws SQLException {
    List<SnapshotFile> result = new ArrayList<>();
    Map<String, String> shared = new HashMap<>();
    try (ResultSet rows = statement.executeQuery(SqlFiles.get("snapshot_files").sql())) {
      while (rows.next()) {
        result.add(new SnapshotFile(rows.getString("source_file"), rows.getString("source_sha256"),
            shared(shared, rows.getString("kind")), rows.getLong("items"), shared(shared, rows.getString("input_root")),
            rows.getBoolean("path_ambiguous")));
      }
    }
    return result;
  }

  /**
   * The snapshot items a finding can rely on (those naming a role ID, a function, a grant or a key). Thousands of AWS
   * Config files repeat the same roles, accounts and ARNs: equal values share one string, and an item shares its
   * file's path and hash with the file's entry in {@code files}, so that 200,000 Config history files fit the
   * launcher's heap (they ran it out, and DuckDB's driver crashed the JVM when that happened inside a fetch).
   */
  private static List<SnapshotEvidence> snapshots(Statement statement, List<SnapshotFile> files) throws SQLException {
    Map<String, SnapshotFile> fileByPath = new HashMap<>();
    for (SnapshotFile file : files) {
      fileByPath.putIfAbsent(file.sourceFile(), file);
    }
    Map<String, String> shared = new HashMap<>();
    Map<Instant, Instant> sharedTimes = new HashMap<>();
    List<SnapshotEvidence> result = new ArrayList<>();
    try (ResultSet rows = statement.executeQuery(SqlFiles.get("snapshot_evidence").sql())) {
      while (rows.next()) {
        String sourceFile = rows.getString("source_file");
        String sha256 = rows.getString("source_sha256");
        SnapshotFile file = fileByPath.get(sourceFile);
        if (file != null && file.sha256().equals(sha256)) {
          sourceFile = file.sourceFile();
          sha256 = file.sha256();
        }
        Object deleted = rows.getObject("role_deleted");
        result.add(new SnapshotEvidence(shared(shared, rows.getString("kind")),
            shared(shared, rows.getString("item_type")), sourceFile, sha256, rows.getLong("item_index"),
            shared(shared, rows.getString("account_id")), shared(sharedTimes, Rows.instant(rows, "captured_at")),
            shared(shared, rows.getString("role_name")), shared(shared, rows.getString("role_id")),
            shared(sharedTimes, Rows.instant(rows, "role_created_at")), deleted instanceof Boolean flag ? flag : null,
            shared(shared, rows.getString("function_arn")), shared(shared, rows.getString("function_role_arn")),
            shared(shared, rows.getString("function_key_arn")), shared(shared, rows.getString("key_arn")),
            shared(shared, rows.getString("key_manager")), shared(shared, rows.getString("grant_id")),
            shared(shared, rows.getString("grantee_principal")), shared(shared, rows.getString("grantee_role_id")),
            shared(shared, rows.getString("grant_function_arn"))));
      }
    }
    return result;
  }

  /** The one instance kept of values equal to {@code value}; null for null. */
  private static <T> T shared(Map<T, T> instances, T value) {
    return value == null ? null : instances.computeIfAbsent(value, v -> v);
  }

  private static Set<String> iamAccounts(Statement statement) throws SQLException {
    Set<String> result = new TreeSet<>();
    try (ResultSet rows = statement.executeQuery(SqlFiles.get("iam_event_accounts").sql())) {
      while (rows.next()) {
        result.add(rows.getString(1));
      }
    }
    return result;
  }

  private static List<Generation> generations(Statement statement) throws SQLException {
    List<Generation> result = new ArrayList<>();
    try (ResultSet rows = statement.executeQuery(SqlFiles.get("role_lineage").sql())) {
      while (rows.next()) {
        result.add(new Generation(rows.getString("account_id"), rows.getString("role_name"), rows.getInt("generation"),
            rows.getString("role_id"), rows.getString("role_arn"), rows.getString("known_from"),
            Rows.instant(rows, "appeared_at"), rows.getString("created_event_id"), Rows.instant(rows, "deleted_at"),
            rows.getString("deleted_event_id"), Rows.instant(rows, "replaced_at"), Rows.instant(rows, "created_at"),
            rows.getString("deletion_known_from"), Rows.list(rows, "evidence_sources"),
            Rows.instant(rows, "last_seen_at")));
      }
    }
    return result;
  }

  private static List<GrantEvent> grants(Statement statement, List<GrantEnd> ends) throws SQLException {
    List<GrantEvent> result = new ArrayList<>();
    try (ResultSet rows = statement.executeQuery(SqlFiles.get("grant_ledger").sql())) {
      while (rows.next()) {
        if (!"CreateGrant".equals(rows.getString("event_name")) && rows.getString("error_code") == null
            && rows.getString("grant_id") != null) {
          ends.add(new GrantEnd(rows.getString("grant_id"), Rows.instant(rows, "event_time")));
        }
        if (!"CreateGrant".equals(rows.getString("event_name")) || rows.getString("error_code") != null
            || rows.getString("function_name") == null || rows.getString("grantee_role_name") == null) {
          continue;
        }
        result.add(new GrantEvent(Rows.instant(rows, "event_time"), rows.getString("account_id"),
            rows.getString("function_region"), rows.getString("function_name"), rows.getString("function_arn"),
            rows.getString("grantee_role_name"), rows.getString("key_arn"), rows.getString("grant_id"),
            rows.getString("bound_role_id"), rows.getString("bound_known_from"), rows.getBoolean("made_by_lambda"),
            rows.getString("grantee_session_name"), Rows.evidence(rows, "CreateGrant")));
      }
    }
    return result;
  }

  private static List<DecryptAttempt> decrypts(Statement statement) throws SQLException {
    List<DecryptAttempt> result = new ArrayList<>();
    try (ResultSet rows = statement.executeQuery(SqlFiles.get("decrypt_outcomes").sql())) {
      while (rows.next()) {
        String accountId = rows.getString("account_id");
        String region = rows.getString("aws_region");
        result.add(new DecryptAttempt(Rows.instant(rows, "event_time"), accountId == null ? "" : accountId,
            region == null ? "" : region, rows.getString("principal_arn"), rows.getString("role_name"),
            rows.getString("role_id"), rows.getString("session_name"), rows.getString("function_arn"),
            rows.getString("key_arn"), rows.getString("error_code"), rows.getBoolean("denied"),
            Rows.evidence(rows, "Decrypt")));
      }
    }
    return result;
  }

  private static List<FunctionChange> changes(Statement statement) throws SQLException {
    List<FunctionChange> result = new ArrayList<>();
    try (ResultSet rows = statement.executeQuery(SqlFiles.get("function_history").sql())) {
      while (rows.next()) {
        String arn = rows.getString("function_arn");
        FunctionKey key = arn == null ? null : FunctionKey.fromArn(arn);
        if (key == null) {
          continue;
        }
        String eventName = rows.getString("event_name");
        result.add(new FunctionChange(Rows.instant(rows, "event_time"), eventName, key, arn,
            rows.getString("role_arn"), rows.getString("requested_role_arn"), rows.getString("kms_key_arn"),
            rows.getString("error_code"), Rows.evidence(rows, eventName)));
      }
    }
    return result;
  }

  private static List<InvokeError> invokeErrors(Statement statement) throws SQLException {
    List<InvokeError> result = new ArrayList<>();
    try (ResultSet rows = statement.executeQuery(SqlFiles.get("lambda_kms_invoke_errors").sql())) {
      while (rows.next()) {
        String name = rows.getString("function_name");
        if (name != null && !name.isEmpty()) {
          result.add(new InvokeError(new FunctionKey(String.valueOf(rows.getString("account_id")),
              String.valueOf(rows.getString("aws_region")), name), Rows.evidence(rows, "Invoke")));
        }
      }
    }
    return result;
  }

  private static Map<String, ActorEvent> actors(Statement statement) throws SQLException {
    Map<String, ActorEvent> result = new HashMap<>();
    try (ResultSet rows = statement.executeQuery(SqlFiles.get("actor_events").sql())) {
      while (rows.next()) {
        String arn = rows.getString("actor_arn");
        String ip = rows.getString("source_ip_address");
        String agent = rows.getString("user_agent");
        Object console = rows.getObject("session_credential_from_console");
        Via via = Via.classify(agent, rows.getString("invoked_by"), ip, console instanceof Boolean b ? b : null);
        Actor actor = new Actor(arn == null ? "unknown" : arn, ip == null ? "" : ip, agent == null ? "" : agent, via);
        result.put(rows.getString("event_id"), new ActorEvent(actor, Rows.evidence(rows, rows.getString("event_name"))));
      }
    }
    return result;
  }

}
