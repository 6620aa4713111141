package io.trailsleuth.report;

import io.trailsleuth.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;

/** One in-process run of the trailsleuth command line, as the report tests drive it. */
record ReportRun(int exitCode, String out, String err) {
  static ReportRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new ReportRun(code, out.toString(), err.toString());
  }
}
