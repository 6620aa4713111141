package io.trailsleuth.cli;

import static io.trailsleuth.pipeline.TestStores.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code trailsleuth query}, {@code completion}, {@code --help} and {@code --version} in-process. */
final class QueryCommandTest {
  private static final String SQL = "select event_name, count(*) as n from events group by 1 order by 1";

  @TempDir
  Path temp;

  String store;

  @BeforeEach
  void ingest() {
    store = temp.resolve("store").toString();
    assertThat(CliRun.of("ingest", "-q", fixture("trail-records/pretty.json").toString(), "--store", store).exitCode())
        .isZero();
  }

  @Test
  void printsCsv() {
    CliRun run = CliRun.of("query", "--store", store, "--format", "csv", SQL);

    assertThat(run.exitCode()).isZero();
    assertThat(run.out().lines()).containsExactly("event_name,n", "AssumeRole,1", "CreateGrant,1", "Decrypt,1");
  }

  @Test
  void printsJson() throws Exception {
    CliRun run = CliRun.of("query", "--store", store, "--format", "json", SQL);

    assertThat(run.exitCode()).isZero();
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.toString()).contains("CreateGrant").contains("Decrypt").contains("AssumeRole");
  }

  @Test
  void printsMarkdownAndTable() {
    CliRun markdown = CliRun.of("query", "--store", store, "--format", "markdown", SQL);
    CliRun table = CliRun.of("query", "--store", store, SQL);

    assertThat(markdown.out()).contains("| event\\_name | n |").contains("| CreateGrant | 1 |");
    assertThat(table.out()).contains("event_name").contains("CreateGrant").contains("(3 rows)");
  }

  @Test
  void refusesSqlWhoseParametersWereNotGivenNamingThem() throws Exception {
    Path file = temp.resolve("q.sql");
    java.nio.file.Files.writeString(file, "select count(*) from events where event_name = $name or event_id = $id"
        + " or event_name = $name");

    CliRun run = CliRun.of("query", "--store", store, "-f", file.toString(), "--param", "id=x");

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("no value for parameter(s) $name that the query uses").contains("--param NAME=VALUE");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void refusesANamedQueryWithoutItsRequiredParametersButLetsOptionalOnesDefault() {
    CliRun series = CliRun.of("query", "--store", store, "--name", "report_decrypt_series");
    CliRun timeline = CliRun.of("query", "--store", store, "--name", "timeline", "--format", "csv");

    assertThat(series.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(series.err()).contains("$account, $region, $function, $bucket_origin, $bucket_seconds");
    assertThat(timeline.exitCode()).as(timeline.err()).isZero();
    assertThat(timeline.out().lines()).hasSizeGreaterThan(1);
  }

  @Test
  void refusesAParameterANamedQueryDoesNotTakeAsAUsageError() {
    CliRun run = CliRun.of("query", "--store", store, "--name", "timeline", "--param", "nope=1");

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("has no parameter 'nope'").doesNotContain("internal error");
  }

  @Test
  void bindsParametersWrittenAsDollarNames() {
    CliRun run = CliRun.of("query", "--store", store, "--format", "csv", "--param", "name=Decrypt",
        "select event_id, error_code from events where event_name = $name");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out().lines()).containsExactly("event_id,error_code", "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f,AccessDenied");
  }

  @Test
  void treatsAParameterValueAsDataNeverAsSql() {
    CliRun run = CliRun.of("query", "--store", store, "--format", "csv", "--param", "name=x' or '1'='1",
        "select count(*) as n from events where event_name = $name");

    assertThat(run.out().lines()).containsExactly("n", "0");
  }

  @Test
  void exitsTwoWithoutStoreOrWithAnUnknownFormat() {
    assertThat(CliRun.of("query", SQL).exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(CliRun.of("query", SQL).err()).contains("--store");
    assertThat(CliRun.of("query", "--store", store, "--format", "xml", SQL).exitCode()).isEqualTo(ExitCode.USAGE);
  }

  @Test
  void aParameterTheNamedQueryDoesNotTakeIsAUsageErrorNotAnInternalOne() {
    CliRun run = CliRun.of("query", "--store", store, "--name", "timeline", "--param", "bogus=1");

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).isEqualTo("trailsleuth: query 'timeline' has no parameter 'bogus'; it takes account, role,"
        + " function, since, until" + System.lineSeparator());
  }

  @Test
  void listsNamedQueriesWithoutAStoreAndHidesInternalOnes() {
    CliRun run = CliRun.of("query", "--list");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).doesNotContain("store_");
  }

  @Test
  void listsATableMacroWithItsCallAndRunsItOnlyWhenCalledWithArguments() {
    assertThat(CliRun.of("query", "--list").out())
        .contains("table macro: SELECT * FROM policy_access_of(<named_in_policies>)");

    CliRun byName = CliRun.of("query", "--store", store, "--name", "policy_access_of");
    CliRun called = CliRun.of("query", "--store", store, "--format", "csv",
        "select count(*) as n from policy_access_of(false)");

    assertThat(byName.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(byName.err()).contains("'policy_access_of' is a table macro: call it with a value for named_in_policies")
        .contains("SELECT * FROM policy_access_of(<named_in_policies>)");
    assertThat(called.exitCode()).as(called.err()).isZero();
    assertThat(called.out().lines()).first().isEqualTo("n");
  }

  @Test
  void queriesTheSourcesAndRejectsViews() {
    CliRun run = CliRun.of("query", "--store", store, "--format", "csv",
        "select shape, status, records_read, stored from sources");

    assertThat(run.out().lines()).containsExactly("shape,status,records_read,stored", "trail-records,ingested,3,3");
  }

  @Test
  void printsABashCompletionScriptHelpAndVersion() {
    CliRun completion = CliRun.of("completion");
    CliRun help = CliRun.of("--help");
    CliRun version = CliRun.of("--version");

    assertThat(completion.exitCode()).isZero();
    assertThat(completion.out()).contains("complete -F").contains("ingest").contains("query");
    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).contains("Exit codes:").contains("ingest").contains("4").contains("--strict");
    assertThat(version.exitCode()).isZero();
    assertThat(version.out()).containsPattern("\\d+\\.\\d+");
  }
}
