package io.trailsleuth.robustness;

import io.trailsleuth.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;

/** One in-process run of the command line: exit code and what it printed. */
record Cli(int exitCode, String out, String err) {
  static Cli run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Cli(code, out.toString(), err.toString());
  }
}
