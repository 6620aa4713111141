package io.trailsleuth.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code trailsleuth generate} (being written; replaced by its full implementation). */
@Command(name = "generate", description = "Not implemented yet.")
public final class GenerateCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new UserException(ExitCode.USAGE, "'generate' is not implemented yet");
  }
}
