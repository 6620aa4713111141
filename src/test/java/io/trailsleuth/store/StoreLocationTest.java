package io.trailsleuth.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailsleuth.pipeline.TestStores;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store's views have the same columns wherever the store lies, even under a directory named like a partition. */
final class StoreLocationTest {
  @TempDir
  Path temp;

  @Test
  void aStoreUnderAKeyValueDirectoryGetsNoPartitionColumnInAnyView() throws Exception {
    Path plain = temp.resolve("plain/store");
    Path keyed = temp.resolve("case=42/store");
    TestStores.ingest(plain, Path.of("sample-logs"));
    TestStores.ingest(keyed, Path.of("sample-logs"));

    for (String view : List.of("events", "focus_events", "role_sightings", "event_hours", "resource_uses", "sources",
        "rejects", "conflicts", "snapshots")) {
      assertThat(columns(keyed, view)).as(view).doesNotContain("case").isEqualTo(columns(plain, view));
    }
  }

  private static List<String> columns(Path store, String view) throws Exception {
    List<String> names = new ArrayList<>();
    try (Connection connection = CaseStore.connect(CaseStore.openExisting(store), "256MB");
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("DESCRIBE SELECT * FROM " + view)) {
      while (rows.next()) {
        names.add(rows.getString(1));
      }
    }
    return names;
  }
}
