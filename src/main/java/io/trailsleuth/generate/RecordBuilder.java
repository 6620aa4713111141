package io.trailsleuth.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** Builds one CloudTrail record with its fields in the order CloudTrail writes them. */
final class RecordBuilder {
  private String eventVersion = "1.09";
  private final ObjectNode userIdentity;
  private final Instant eventTime;
  private final String eventSource;
  private final String eventName;
  private final String awsRegion;
  private final String sourceIpAddress;
  private final String userAgent;
  private String errorCode;
  private String errorMessage;
  private JsonNode requestParameters;
  private JsonNode responseElements;
  private JsonNode additionalEventData;
  private boolean readOnly;
  private JsonNode resources;
  private String eventType = "AwsApiCall";
  private String sharedEventId;
  private String hostHeader;
  private boolean fromConsole;

  RecordBuilder(ObjectNode userIdentity, Instant eventTime, String eventSource, String eventName, String awsRegion,
      String sourceIpAddress, String userAgent) {
    this.userIdentity = userIdentity;
    this.eventTime = eventTime;
    this.eventSource = eventSource;
    this.eventName = eventName;
    this.awsRegion = awsRegion;
    this.sourceIpAddress = sourceIpAddress;
    this.userAgent = userAgent;
  }

  RecordBuilder version(String version) {
    this.eventVersion = version;
    return this;
  }

  RecordBuilder error(String code, String message) {
    this.errorCode = code;
    this.errorMessage = message;
    return this;
  }

  RecordBuilder request(JsonNode parameters) {
    this.requestParameters = parameters;
    return this;
  }

  RecordBuilder response(JsonNode elements) {
    this.responseElements = elements;
    return this;
  }

  RecordBuilder additional(JsonNode data) {
    this.additionalEventData = data;
    return this;
  }

  RecordBuilder readOnly(boolean value) {
    this.readOnly = value;
    return this;
  }

  RecordBuilder resources(JsonNode value) {
    this.resources = value;
    return this;
  }

  RecordBuilder eventType(String value) {
    this.eventType = value;
    return this;
  }

  RecordBuilder shared(String eventId) {
    this.sharedEventId = eventId;
    return this;
  }

  /** Adds tlsDetails with this host header (services calling services send none). */
  RecordBuilder tls(String host) {
    this.hostHeader = host;
    return this;
  }

  RecordBuilder console() {
    this.fromConsole = true;
    return this;
  }

  /** The record; requestID and eventID come from the seeded random. */
  ObjectNode build(RandomIds ids, String recipientAccountId) {
    ObjectNode record = Json.object("eventVersion", eventVersion, "userIdentity", userIdentity,
        "eventTime", Times.iso(eventTime), "eventSource", eventSource, "eventName", eventName,
        "awsRegion", awsRegion, "sourceIPAddress", sourceIpAddress, "userAgent", userAgent);
    if (errorCode != null) {
      record.put("errorCode", errorCode);
      record.put("errorMessage", errorMessage);
    }
    record.set("requestParameters", Json.value(requestParameters));
    record.set("responseElements", Json.value(responseElements));
    if (additionalEventData != null) {
      record.set("additionalEventData", additionalEventData);
    }
    record.put("requestID", ids.uuid());
    record.put("eventID", ids.uuid());
    record.put("readOnly", readOnly);
    if (resources != null) {
      record.set("resources", resources);
    }
    record.put("eventType", eventType);
    record.put("managementEvent", true);
    record.put("recipientAccountId", recipientAccountId);
    if (sharedEventId != null) {
      record.put("sharedEventID", sharedEventId);
    }
    record.put("eventCategory", "Management");
    if (hostHeader != null && !eventVersion.equals("1.05")) {
      record.set("tlsDetails", Json.object("tlsVersion", "TLSv1.3", "cipherSuite", "TLS_AES_128_GCM_SHA256",
          "clientProvidedHostHeader", hostHeader));
    }
    if (fromConsole) {
      record.put("sessionCredentialFromConsole", "true");
    }
    return record;
  }
}
