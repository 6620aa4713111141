package io.trailsleuth.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code trailsleuth verify} (being written; replaced by its full implementation). */
@Command(name = "verify", description = "Not implemented yet.")
public final class VerifyCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new UserException(ExitCode.USAGE, "'verify' is not implemented yet");
  }
}
