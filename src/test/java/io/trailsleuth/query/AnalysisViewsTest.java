package io.trailsleuth.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trailsleuth.common.SqlFile;
import io.trailsleuth.common.SqlFiles;
import io.trailsleuth.pipeline.TestStores;
import io.trailsleuth.store.CaseStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The views marked {@code -- materialize: true} are computed once, and the later views read that copy. */
final class AnalysisViewsTest {
  @TempDir
  Path temp;

  @Test
  void theMaterialisedLineageAndLedgerShadowTheirViewsWithTheSameRows() throws Exception {
    Path store = temp.resolve("store");
    TestStores.ingest(store, Path.of("sample-logs/AWSLogs"));
    try (Connection connection = CaseStore.connect(CaseStore.openExisting(store), "1GB")) {
      AnalysisViews.installMaterialized(connection);

      assertThat(SqlFiles.bundled().values().stream().filter(SqlFile::materialized).map(SqlFile::id))
          .containsExactlyInAnyOrder("policy_ledger", "role_lineage");
      assertThat(count(connection, "SELECT count(*) FROM duckdb_tables() WHERE temporary AND table_name IN"
          + " ('role_lineage', 'policy_ledger')")).isEqualTo(2);
      assertThat(count(connection, "SELECT count(*) FROM role_lineage")).isPositive();
      for (String view : new String[] {"role_lineage", "policy_ledger"}) {
        assertThat(count(connection, "SELECT count(*) FROM " + view))
            .isEqualTo(count(connection, "SELECT count(*) FROM main." + view));
        assertThat(count(connection, "SELECT count(*) FROM (SELECT * FROM " + view + " EXCEPT ALL SELECT * FROM main."
            + view + ")")).isZero();
        assertThat(count(connection, "SELECT count(*) FROM (SELECT * FROM main." + view + " EXCEPT ALL SELECT * FROM "
            + view + ")")).isZero();
      }
    }
  }

  @Test
  void aQueryFileThatAsksToBeMaterialisedMustBeAView() {
    String text = "-- id: not_a_view\n-- title: t\n-- description: d\n-- materialize: true\nSELECT 1";

    assertThatThrownBy(() -> SqlFiles.parse(text, "x/not_a_view.sql"))
        .hasMessageContaining("x/not_a_view.sql").hasMessageContaining("not a view");
  }

  @Test
  void aTableMacroIsNeitherAViewNorTakesBindParameters() {
    String view = "-- id: m\n-- title: t\n-- description: d\n-- view: true\n-- macro: flag\nSELECT flag";
    String bound = "-- id: m\n-- title: t\n-- description: d\n-- params: x\n-- macro: flag\nSELECT $x, flag";

    assertThat(SqlFiles.parse("-- id: m\n-- title: t\n-- description: d\n-- macro: a, b\nSELECT a, b", "x/m.sql")
        .macroParameters()).containsExactly("a", "b");
    assertThatThrownBy(() -> SqlFiles.parse(view, "x/m.sql")).hasMessageContaining("x/m.sql")
        .hasMessageContaining("table macro");
    assertThatThrownBy(() -> SqlFiles.parse(bound, "x/m.sql")).hasMessageContaining("table macro");
  }

  private static long count(Connection connection, String sql) throws Exception {
    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
