package io.trailsleuth.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.trailsleuth.cli.CliRun;
import io.trailsleuth.pipeline.TestStores;
import io.trailsleuth.store.CaseStore;
import io.trailsleuth.store.DuckDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** trailsleuth never touches the network: DuckDB cannot fetch or load extensions, and investigate works with no network at all. */
final class OfflineTest {
  @TempDir
  Path temp;

  @Test
  void storeConnectionsCannotTurnExtensionAutoInstallOrAutoLoadBackOn() throws Exception {
    Path store = temp.resolve("store");
    TestStores.ingest(store, TestStores.fixture("trail-records/compact.json"));
    try (Connection memory = DuckDb.inMemory("256MB");
        Connection views = CaseStore.connect(CaseStore.openExisting(store), "256MB")) {
      for (Connection connection : List.of(memory, views)) {
        for (String setting : List.of("SET autoinstall_known_extensions = true", "SET autoload_known_extensions = true",
            "SET allow_community_extensions = true", "SET lock_configuration = false")) {
          assertThatThrownBy(() -> execute(connection, setting)).as(setting).isInstanceOf(SQLException.class)
              .hasMessageContaining("configuration has been locked");
        }
        assertThatThrownBy(() -> execute(connection, "SELECT * FROM read_parquet('https://192.0.2.1/events.parquet')"))
            .isInstanceOf(SQLException.class).hasMessageContaining("httpfs");
      }
    }
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  @Test
  void investigateGivesTheSameFindingsWithTheNetworkUnreachable() throws Exception {
    assumeTrue(commandSucceeds("unshare", "-n", "true"), "unshare -n is allowed here");
    Path archive = Archives.recreatedRole(temp.resolve("archive"), 3_000);
    CliRun online = CliRun.of("investigate", archive.toString(), "--json", temp.resolve("online.json").toString(), "-q");
    assertThat(online.exitCode()).as(online.err()).isZero();

    List<String> command = new ArrayList<>(List.of("unshare", "-n"));
    command.addAll(ChildJvm.command("investigate", archive.toString(), "--json", temp.resolve("offline.json").toString(), "-q"));
    Process offline = ChildJvm.start(temp, "offline", command);
    assertThat(offline.waitFor(5, TimeUnit.MINUTES)).isTrue();

    assertThat(offline.exitValue()).as(Files.readString(temp.resolve("offline.err"))).isZero();
    assertThat(Files.readString(temp.resolve("offline.json"))).isEqualTo(Files.readString(temp.resolve("online.json")));
  }

  private static boolean commandSucceeds(String... command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (Exception e) {
      return false;
    }
  }
}
