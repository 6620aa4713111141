package io.trailsleuth.cli;

/** The process exit codes; each means one thing. */
public final class ExitCode {
  /** Success. */
  public static final int OK = 0;
  /** An internal error: a bug or an environment failure. */
  public static final int INTERNAL_ERROR = 1;
  /** The command line was wrong. */
  public static final int USAGE = 2;
  /** Nothing could be read from the inputs. */
  public static final int NOTHING_READ = 3;
  /** Some records were rejected and --strict was given. */
  public static final int REJECTED_STRICT = 4;
  /** verify found tampering, missing files or chain breaks. */
  public static final int INTEGRITY_FAILURE = 5;

  private ExitCode() {}
}
