package io.trailsleuth.analysis.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trailsleuth.analysis.Actor;
import io.trailsleuth.analysis.Evidence;
import io.trailsleuth.analysis.RoleChangeTime;
import io.trailsleuth.analysis.RoleChangeTimes;
import io.trailsleuth.analysis.Rows;
import io.trailsleuth.analysis.Via;
import io.trailsleuth.common.SqlFiles;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads the policy_drift view into findings, in the view's deterministic order. */
public final class PolicyDrifts {
  private static final ObjectMapper JSON = new ObjectMapper();

  private PolicyDrifts() {}

  /** Every broken, at-risk or fixed policy on a connection with the analysis views installed. */
  public static List<PolicyDrift> load(Connection connection) throws SQLException {
    List<PolicyDrift> result = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(SqlFiles.get("policy_drift").sql())) {
      while (rows.next()) {
        result.add(new PolicyDrift(rows.getString("account_id"), rows.getString("aws_region"),
            rows.getString("resource_arn"), rows.getString("resource_type"), rows.getString("resource_name"),
            rows.getString("entry_detail"), rows.getString("match_key"), rows.getString("role_arn"), rows.getString("role_name"),
            rows.getString("old_role_id"), rows.getString("new_role_id"), rows.getString("principal_keys"),
            rows.getString("policy_event_id"), rows.getString("policy_event_name"), Rows.instant(rows, "policy_set_at"),
            rows.getString("policy_text"), deleted(rows), created(rows),
            recreatedBy(rows), rows.getLong("denied_calls"), Rows.instant(rows, "first_denied_at"),
            Rows.instant(rows, "last_denied_at"), actions(rows.getString("denied_actions")),
            PolicyDriftStatus.of(rows.getString("status")), Rows.instant(rows, "fixed_at"),
            rows.getString("fixed_by_event_id"), rows.getString("fixed_by_event_name"),
            DriftConfidence.of(rows.getString("confidence")), rows.getString("decided_by"),
            evidence(rows.getString("evidence_json"))));
      }
    }
    return result;
  }

  /** The new generation's creation: exact when CreateRole or a CreateDate shows it, else bounded by sightings. */
  private static RoleChangeTime created(ResultSet rows) throws SQLException {
    Instant oldDeletedAt = "DeleteRole".equals(rows.getString("old_role_deletion_known_from"))
        ? Rows.instant(rows, "old_role_deleted_at") : null;
    return RoleChangeTimes.created(Rows.instant(rows, "role_created_at"), rows.getString("recreated_shown_by"), null,
        Rows.instant(rows, "role_recreated_at"), Rows.instant(rows, "old_role_last_appearance"), oldDeletedAt);
  }

  /** The old generation's deletion: exact from DeleteRole, bounded from AWS Config or a grant listing, else null. */
  private static RoleChangeTime deleted(ResultSet rows) throws SQLException {
    Instant nextCreated = Rows.instant(rows, "role_created_at");
    return RoleChangeTimes.deleted(rows.getString("old_role_deletion_known_from"), Rows.instant(rows,
        "old_role_deleted_at"), Rows.instant(rows, "old_role_last_appearance"),
        nextCreated != null ? nextCreated : Rows.instant(rows, "role_recreated_at"), null);
  }

  private static Actor recreatedBy(ResultSet rows) throws SQLException {
    String arn = rows.getString("recreated_by_arn");
    if (arn == null) {
      return Actor.UNKNOWN;
    }
    String ip = rows.getString("recreated_by_source_ip_address");
    String agent = rows.getString("recreated_by_user_agent");
    Object console = rows.getObject("recreated_by_console");
    Via via = Via.classify(agent, rows.getString("recreated_by_invoked_by"), ip,
        console instanceof Boolean fromConsole ? fromConsole : null);
    return new Actor(arn, ip == null ? "" : ip, agent == null ? "" : agent, via);
  }

  private static List<String> actions(String joined) {
    return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
  }

  private static List<Evidence> evidence(String json) throws SQLException {
    List<Evidence> result = new ArrayList<>();
    try {
      for (JsonNode item : JSON.readTree(json)) {
        result.add(new Evidence(item.path("event_id").asText(), Instant.parse(item.path("event_time").asText()),
            item.path("event_name").asText(), item.path("source_file").asText(), item.path("source_record").asLong()));
      }
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new SQLException("policy_drift returned evidence that is not JSON: " + e.getOriginalMessage(), e);
    }
    result.sort(null);
    return result;
  }
}
