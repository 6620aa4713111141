package io.trailsleuth.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import picocli.CommandLine;

/** The command line built for the arguments holds only what they need and answers exactly as the whole one. */
final class LazyCommandLineTest {
  private static final List<List<String>> ARGUMENTS = List.of(
      List.of("--version"),
      List.of("-V"),
      List.of("--help"),
      List.of(),
      List.of("ingest"),
      List.of("ingest", "--help"),
      List.of("ingest", "--version"),
      List.of("ingest", "logs", "--stor", "x"),
      List.of("ingest", "logs", "--store"),
      List.of("ingest", "logs", "--store", "s", "--threads", "many"),
      List.of("investigate", "--help"),
      List.of("investigate", "--json"),
      List.of("investigate", "no-such-logs", "--verbose"),
      List.of("analyze"),
      List.of("analyze", "--store", "no-such-store", "--outt", "r.md"),
      List.of("timeline", "-h"),
      List.of("query", "--list", "--format", "yaml"),
      List.of("verify"),
      List.of("verify", "--help"),
      List.of("generate", "--scenario"),
      List.of("completion", "--help"),
      List.of("help"),
      List.of("help", "ingest"),
      List.of("ingestt", "logs"),
      List.of("--verbose", "ingest", "--help"),
      List.of("Ingest", "--help"));

  @TestFactory
  Stream<DynamicTest> answersAsTheWholeCommandLine() {
    return ARGUMENTS.stream().map(arguments -> dynamicTest("trailsleuth " + String.join(" ", arguments), () -> {
      String[] args = arguments.toArray(String[]::new);

      CliRun whole = run(Main.commandLine(), args);
      CliRun built = run(Main.commandLine(args), args);

      assertThat(built).isEqualTo(whole);
    }));
  }

  @Test
  void namingASubcommandBuildsThatOneAlone() {
    assertThat(Main.commandLine("ingest", "logs", "--store", "s").getSubcommands()).containsOnlyKeys("ingest");
    assertThat(Main.commandLine("investigate", "--help").getSubcommands()).containsOnlyKeys("investigate");
    assertThat(Main.commandLine("--version").getSubcommands()).isEmpty();
  }

  @Test
  void helpCompletionAndUnknownCommandsGetTheWholeModel() {
    int all = Main.commandLine().getSubcommands().size();

    assertThat(Main.commandLine("help", "ingest").getSubcommands()).hasSize(all);
    assertThat(Main.commandLine("completion").getSubcommands()).hasSize(all);
    assertThat(Main.commandLine("ingestt").getSubcommands()).hasSize(all);
    assertThat(Main.commandLine("--help").getSubcommands()).hasSize(all);
    assertThat(Main.commandLine("--version", "ingest").getSubcommands()).hasSize(all);
  }

  private static CliRun run(CommandLine commandLine, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(commandLine, new PrintWriter(out), new PrintWriter(err), args);
    return new CliRun(code, out.toString(), err.toString());
  }
}
