package io.trailsleuth.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every subcommand answers {@code --help} with its help alone and exit code 0, before it checks its parameters. */
final class HelpOptionTest {
  @TestFactory
  Stream<DynamicTest> everySubcommandPrintsHelpAloneAndExitsZero() {
    return Main.commandLine().getSubcommands().keySet().stream().sorted()
        .map(name -> dynamicTest(name, () -> {
          CliRun run = CliRun.of(name, "--help");

          assertThat(run.exitCode()).as("exit code of %s --help", name).isZero();
          assertThat(run.err()).as("stderr of %s --help", name).isEmpty();
          assertThat(run.out()).as("stdout of %s --help", name).contains("Usage: trailsleuth " + name + " ")
              .doesNotContain("Missing required");
        }));
  }

  @Test
  void topLevelHelpNamesTheSparkIngestThatOnlyTheLauncherRuns() {
    CliRun run = CliRun.of("--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("./trailsleuth spark-ingest --help");
    assertThat(Main.commandLine().getSubcommands()).doesNotContainKey("spark-ingest");
  }

  @TestFactory
  Stream<DynamicTest> everySubcommandPrintsTheVersion() {
    return Main.commandLine().getSubcommands().keySet().stream().filter(name -> !name.equals("help")).sorted()
        .map(name -> dynamicTest(name, () -> {
          CliRun run = CliRun.of(name, "--version");

          assertThat(run.exitCode()).isZero();
          assertThat(run.out()).isEqualTo(CliRun.of("--version").out());
        }));
  }
}
