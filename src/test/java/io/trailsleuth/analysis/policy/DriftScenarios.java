package io.trailsleuth.analysis.policy;

import io.trailsleuth.analysis.Analyzer;
import io.trailsleuth.analysis.Findings;
import io.trailsleuth.pipeline.IngestOptions;
import io.trailsleuth.pipeline.IngestPipeline;
import io.trailsleuth.pipeline.IngestProgress;
import io.trailsleuth.query.AnalysisViews;
import io.trailsleuth.store.CaseStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;

/** Ingests a story into a real store under a temporary directory and analyses it. */
final class DriftScenarios {
  static final String OLD = "AROAOLDOLDOLDOLDOLD01";
  static final String NEW = "AROANEWNEWNEWNEWNEW02";

  private DriftScenarios() {}

  static Findings analyze(Path temp, PolicyStory story) throws Exception {
    Path store = ingest(temp, story);
    try (Connection connection = CaseStore.connect(CaseStore.openExisting(store), "512MB")) {
      AnalysisViews.install(connection);
      return Analyzer.analyze(connection);
    }
  }

  /** Writes the story as a log file and ingests it into a new store under temp; returns the store. */
  static Path ingest(Path temp, PolicyStory story) throws Exception {
    Path logs = story.write(temp.resolve("logs"), "story.jsonl");
    Path store = temp.resolve("store");
    IngestPipeline.run(IngestOptions.of(List.of(logs.toString()), store), IngestProgress.SILENT);
    return store;
  }

  /** The rows of a query over the store's analysis views, each row's cells joined by spaces. */
  static List<String> rows(Path store, String sql) throws Exception {
    List<String> rows = new java.util.ArrayList<>();
    try (Connection connection = CaseStore.connect(CaseStore.openExisting(store), "512MB");
        java.sql.Statement statement = connection.createStatement()) {
      AnalysisViews.install(connection);
      try (java.sql.ResultSet result = statement.executeQuery(sql)) {
        int columns = result.getMetaData().getColumnCount();
        while (result.next()) {
          List<String> cells = new java.util.ArrayList<>();
          for (int column = 1; column <= columns; column++) {
            cells.add(result.getString(column));
          }
          rows.add(String.join(" ", cells));
        }
      }
    }
    return rows;
  }

  /** Role app-role created, then the policy write, then the role deleted and re-created. */
  static PolicyStory recreatedAround(String account, PolicyStory beforeRecreation) {
    return beforeRecreation
        .deleteRole("2026-03-02T10:00:00Z", account, "app-role")
        .createRole("2026-03-02T10:00:05Z", account, "app-role", NEW);
  }
}
