package io.trailsleuth.report;

import com.fasterxml.jackson.core.JsonGenerator;
import io.trailsleuth.analysis.policy.PolicyDrift;
import java.io.IOException;
import java.util.List;

/** Writes the findings JSON's top-level {@code policyDrift} list, one object per drifted policy and role. */
final class PolicyDriftJson {
  private PolicyDriftJson() {}

  static void write(JsonGenerator json, List<PolicyDrift> drifts, EvidenceJson evidence) throws IOException {
    json.writeArrayFieldStart("policyDrift");
    for (PolicyDrift d : drifts) {
      json.writeStartObject();
      json.writeStringField("accountId", d.accountId());
      json.writeStringField("resourceArn", d.resourceArn());
      json.writeStringField("resourceType", d.resourceType());
      json.writeStringField("roleArn", d.roleArn());
      json.writeStringField("roleName", d.roleName());
      json.writeStringField("oldRoleId", d.oldRoleId());
      json.writeStringField("newRoleId", d.newRoleId());
      json.writeStringField("policyEventId", d.policyEventId());
      json.writeStringField("policyEventName", d.policyEventName());
      FindingsJson.time(json, "policySetAt", d.policySetAt());
      FindingsJson.time(json, "roleRecreatedAt", d.roleRecreatedAt());
      FindingsJson.bounds(json, "roleRecreated", d.roleRecreated());
      json.writeStringField("roleRecreatedBy", d.roleRecreatedBy().arn());
      json.writeStringField("roleRecreatedVia", d.roleRecreatedBy().via().label());
      json.writeNumberField("deniedCalls", d.deniedCalls());
      FindingsJson.time(json, "firstDeniedAt", d.firstDeniedAt());
      FindingsJson.time(json, "lastDeniedAt", d.lastDeniedAt());
      FindingsJson.strings(json, "deniedActions", d.deniedActions());
      json.writeStringField("status", d.status().label());
      FindingsJson.time(json, "fixedAt", d.fixedAt());
      json.writeStringField("fixedByEventId", d.fixedByEventId());
      json.writeStringField("confidence", d.confidence().label());
      evidence.array(json, d.evidence());
      json.writeEndObject();
    }
    json.writeEndArray();
  }
}
