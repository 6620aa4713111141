package io.trailsleuth.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailsleuth.cli.CliRun;
import io.trailsleuth.pipeline.TestStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Values read from logs never reach SQL text: SQL fragments and template markers planted in a role name, a
 * session name and a user agent come out of the analysis as plain text, the findings are otherwise the same,
 * and the store still holds every event.
 */
final class NoInjectionTest {
  private static final String HOSTILE = "'); DROP TABLE events; --$1{{events_glob}}";

  @TempDir
  Path temp;

  @Test
  void findsTheSameBreakagesWhenNamesAndUserAgentsHoldSqlFragments() throws Exception {
    Path generated = Archives.recreatedRole(temp.resolve("generated"), 3_000);
    Map<String, String> hostile = new LinkedHashMap<>();
    hostile.put("billing-worker-exec", "billing-worker-exec" + HOSTILE);
    hostile.put("gha-run-4402", "gha-run-4402" + HOSTILE);
    hostile.put("Terraform/1.7.5", "Terraform/1.7.5 " + HOSTILE);
    Path plain = Archives.rewrittenLogs(generated, temp.resolve("plain"), Map.of());
    Path planted = Archives.rewrittenLogs(generated, temp.resolve("planted"), hostile);

    CliRun plainRun = CliRun.of("investigate", plain.toString(), "--json", temp.resolve("plain.json").toString(), "-q");
    CliRun plantedRun = CliRun.of("investigate", planted.toString(), "--store", temp.resolve("store").toString(),
        "--json", temp.resolve("planted.json").toString(), "-q");

    assertThat(plainRun.exitCode()).as(plainRun.err()).isZero();
    assertThat(plantedRun.exitCode()).as(plantedRun.err()).isZero();
    // the evidence names the input root each record was read under
    String expected = Files.readString(temp.resolve("plain.json"))
        .replace("\"inputRoot\" : \"" + plain + "\"", "\"inputRoot\" : \"" + planted + "\"");
    for (Map.Entry<String, String> replacement : hostile.entrySet()) {
      expected = expected.replace(replacement.getKey(), replacement.getValue());
    }
    String findings = Files.readString(temp.resolve("planted.json"));
    assertThat(findings).contains("billing-worker-exec" + HOSTILE).contains("\"breakages\"");
    assertThat(findings).isEqualTo(expected);
    Path store = temp.resolve("store");
    assertThat(TestStores.count(store, "SELECT count(*) FROM events")).isEqualTo(3_000);
    assertThat(TestStores.count(store, "SELECT count(*) FROM events WHERE user_agent LIKE ?", "%" + HOSTILE + "%")).isPositive();
  }
}
