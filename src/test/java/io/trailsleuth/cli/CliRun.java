package io.trailsleuth.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** The outcome of one in-process run of the command line: exit code and what it printed; for every package's tests. */
public record CliRun(int exitCode, String out, String err) {
  /** Runs the command line with {@code args}, capturing what it prints. */
  public static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    return new CliRun(code, out.toString(), err.toString());
  }
}
