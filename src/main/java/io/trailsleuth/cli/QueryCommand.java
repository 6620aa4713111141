package io.trailsleuth.cli;

import io.trailsleuth.common.IoReasons;
import io.trailsleuth.common.SqlFile;
import io.trailsleuth.common.SqlFiles;
import io.trailsleuth.query.QueryParameterException;
import io.trailsleuth.query.QueryRunner;
import io.trailsleuth.query.ResultFormat;
import io.trailsleuth.query.ResultTable;
import io.trailsleuth.store.CaseStore;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code trailsleuth query}: runs SQL or a named query against a store's views. */
@Command(name = "query", description = "Run SQL against a case store's views (events, sources, rejects).",
    footerHeading = "%nExamples:%n",
    footer = {
        "  trailsleuth query --store acme.store \"select event_name, count(*) from events group by 1 order by 2 desc\"",
        "  trailsleuth query --store acme.store -f my-query.sql --param role=orders-api-exec --format markdown",
        "  trailsleuth query --list",
        "  trailsleuth query --store acme.store --name role_lineage",
        "",
        "Parameters are written $name in SQL and bound, never pasted into the text."
    })
public final class QueryCommand implements Callable<Integer> {
  @Option(names = "--store", paramLabel = "DIR", description = "Case store directory.")
  Path store;

  @ArgGroup(exclusive = true)
  Source source;

  static final class Source {
    @Parameters(paramLabel = "SQL", description = "SQL text.")
    String sql;

    @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "Read the SQL from a file.")
    Path file;

    @Option(names = "--name", paramLabel = "ID", description = "Run a named query from the catalogue (see --list).")
    String name;

    @Option(names = "--list", description = "List the named queries with their descriptions.")
    boolean list;
  }

  @Option(names = "--param", paramLabel = "NAME=VALUE", description = "Bind a parameter; repeatable.")
  Map<String, String> parameters = new LinkedHashMap<>();

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
      description = "table, csv, json or markdown (default: ${DEFAULT-VALUE}).")
  String format;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (source == null) {
      throw new UserException(ExitCode.USAGE, "give SQL, -f FILE, --name ID or --list");
    }
    if (source.list) {
      for (SqlFile query : SqlFiles.bundled().values().stream().filter(q -> !q.id().startsWith("store_"))
          .sorted(java.util.Comparator.comparing(SqlFile::id)).toList()) {
        out.printf("%-28s %s%n", query.id(), query.description());
        if (!query.params().isEmpty()) {
          out.printf("%-28s params: %s%n", "", String.join(", ", query.params().stream()
              .map(name -> query.optionalParams().contains(name) ? name + " (optional)" : name).toList()));
        }
        if (query.macro()) {
          out.printf("%-28s table macro: SELECT * FROM %s%n", "", query.call());
        }
      }
      return ExitCode.OK;
    }
    if (store == null) {
      throw new UserException(ExitCode.USAGE, "--store DIR is required to run a query");
    }
    ResultFormat resultFormat = FormatOption.parse(ResultFormat.class, format);
    try (Connection connection = CaseStore.connect(IgnoredRuns.open(store, spec.commandLine().getErr()))) {
      io.trailsleuth.query.AnalysisViews.install(connection);
      ResultTable result;
      if (source.name != null) {
        SqlFile query;
        try {
          query = SqlFiles.get(source.name);
        } catch (IllegalArgumentException e) {
          throw new UserException(ExitCode.USAGE, e.getMessage());
        }
        if (query.macro()) {
          throw new UserException(ExitCode.USAGE, "'" + query.id() + "' is a table macro: call it with a value for "
              + String.join(", ", query.macroParameters()) + ", as in: trailsleuth query --store DIR \"SELECT * FROM "
              + query.call() + "\"");
        }
        try {
          result = QueryRunner.run(connection, query, parameters);
        } catch (IllegalArgumentException e) {
          // a --param the named query does not take
          throw new UserException(ExitCode.USAGE, e.getMessage());
        }
      } else {
        String sql = source.file != null ? readFile(source.file) : source.sql;
        result = QueryRunner.run(connection, sql, parameters);
      }
      out.print(resultFormat.render(result));
    } catch (QueryParameterException e) {
      throw new UserException(ExitCode.USAGE, e.getMessage() + "; give each with --param NAME=VALUE");
    } catch (SQLException e) {
      throw new UserException(ExitCode.USAGE, "the query failed: " + e.getMessage());
    }
    return ExitCode.OK;
  }

  private static String readFile(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new UserException(ExitCode.USAGE, "cannot read " + file + ": " + IoReasons.of(e));
    }
  }
}
