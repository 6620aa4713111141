package io.trailsleuth.analysis;

import io.trailsleuth.common.SqlFiles;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the store's conflicts view: every eventID whose copies differ, with all its versions. */
public final class ConflictingEvents {
  private ConflictingEvents() {}

  /** The conflicting events ordered by eventID, none cited yet (see {@link ConflictImpact}). */
  public static List<ConflictingEvent> load(Connection connection) throws SQLException {
    Map<String, List<ConflictVersion>> byEvent = new LinkedHashMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(SqlFiles.get("report_conflicts").sql())) {
      while (rows.next()) {
        String differing = rows.getString("differing_fields");
        byEvent.computeIfAbsent(rows.getString("event_id"), id -> new ArrayList<>()).add(new ConflictVersion(
            Rows.sourceCopy(rows),
            rows.getLong("source_record"), rows.getString("record_sha256"), rows.getBoolean("kept"),
            differing == null || differing.isEmpty() ? List.of() : Arrays.asList(differing.split(",")),
            (Boolean) rows.getObject("verified")));
      }
    }
    List<ConflictingEvent> events = new ArrayList<>();
    byEvent.forEach((eventId, versions) -> events.add(new ConflictingEvent(eventId, versions, List.of())));
    return events;
  }
}
