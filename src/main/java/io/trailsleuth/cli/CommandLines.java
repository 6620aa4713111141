package io.trailsleuth.cli;

import picocli.CommandLine.Model.CommandSpec;

/** Renders the command line as the user gave it, for the report's reproduce section. */
final class CommandLines {
  private CommandLines() {}

  static String describe(CommandSpec spec) {
    StringBuilder out = new StringBuilder("trailsleuth");
    for (String arg : spec.commandLine().getParseResult().originalArgs()) {
      out.append(' ').append(arg.matches("[A-Za-z0-9_./=:@,+-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'");
    }
    return out.toString();
  }
}
