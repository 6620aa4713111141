package io.trailsleuth.cli;

import io.trailsleuth.common.TerminalText;
import io.trailsleuth.store.StoreBusyException;
import io.trailsleuth.store.StoreException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Entry point: the trailsleuth command and its subcommands. Only {@link #main} exits the JVM. */
@Command(
    name = "trailsleuth",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
        "Offline AWS CloudTrail forensics: finds which IAM role re-creation broke which Lambda function.",
        ""
    },
    footer = {
        "",
        "spark-ingest (the ingest as an Apache Spark job) runs through the launcher,",
        "which builds it on first use: ./trailsleuth spark-ingest --help",
        "(README.md, Running on Spark)."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:success",
        "1:internal error (a bug or an environment failure; rerun with --verbose)",
        "2:usage error",
        "3:nothing to analyse: no input held a CloudTrail event that could be stored, or the store holds none",
        "4:some records were rejected and --strict was given",
        "5:verify found tampering, missing files or chain breaks"
    })
public final class Main implements Runnable {
  /**
   * The subcommands, in the order help lists them. They are added by {@link #commandLine(String...)}, not declared in
   * {@code @Command}, so that a run of one of them builds only its model.
   */
  private static final List<Class<?>> SUBCOMMANDS = List.of(InvestigateCommand.class, IngestCommand.class,
      AnalyzeCommand.class, TimelineCommand.class, QueryCommand.class, VerifyCommand.class, GenerateCommand.class,
      CompletionCommand.class, CommandLine.HelpCommand.class);
  /** Subcommands that read the whole command model: {@code help} lists or describes the others, {@code completion} all. */
  private static final Set<Class<?>> READING_THE_MODEL = Set.of(CompletionCommand.class, CommandLine.HelpCommand.class);

  /** The messages of the OutOfMemoryErrors a larger heap cures. */
  private static final Set<String> HEAP_EXHAUSTION = Set.of("Java heap space", "GC overhead limit exceeded");

  @Option(names = "--verbose", description = "Print stack traces of internal errors.", scope = CommandLine.ScopeType.INHERIT)
  boolean verbose;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Runs the command line and returns the exit code. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    return execute(commandLine(args), out, err, args);
  }

  /** Runs a command line built by {@link #commandLine(String...)}, with its error handling and exit codes. */
  static int execute(CommandLine commandLine, PrintWriter out, PrintWriter err, String... args) {
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setExecutionExceptionHandler((exception, line, parseResult) -> {
      boolean verbose = parseResult.hasMatchedOption("--verbose")
          || parseResult.subcommands().stream().anyMatch(s -> s.hasMatchedOption("--verbose"));
      return handle(exception, line.getErr(), verbose);
    });
    int code;
    try {
      code = commandLine.execute(args);
    } catch (OutOfMemoryError e) {
      // picocli passes Errors through; the objects of the failed command are unreachable by now (a walk of the inputs
      // begun ahead may still hold its files, and the message needs little)
      code = handle(e, err, verbose(args));
    }
    out.flush();
    err.flush();
    return code;
  }

  /** The command line with every subcommand. */
  static CommandLine commandLine() {
    return withSubcommands(SUBCOMMANDS);
  }

  /**
   * The command line as {@code args} need it, answering exactly as {@link #commandLine()} would: when the first
   * argument names a subcommand that does not read the others, only that one is built, and {@code --version} alone
   * builds none (picocli reads every option of a subcommand by reflection when it builds its model). Everything else
   * (root help, {@code help}, {@code completion}, usage errors with their suggestions) gets the whole model.
   */
  static CommandLine commandLine(String... args) {
    if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
      return withSubcommands(List.of());
    }
    if (args.length > 0) {
      for (Class<?> subcommand : SUBCOMMANDS) {
        if (!READING_THE_MODEL.contains(subcommand) && subcommand.getAnnotation(Command.class).name().equals(args[0])) {
          return withSubcommands(List.of(subcommand));
        }
      }
    }
    return commandLine();
  }

  private static CommandLine withSubcommands(List<Class<?>> subcommands) {
    CommandLine commandLine = new CommandLine(new Main());
    for (Class<?> subcommand : subcommands) {
      commandLine.addSubcommand(subcommand);
    }
    commandLine.setExitCodeExceptionMapper(
        e -> e instanceof CommandLine.ParameterException ? ExitCode.USAGE : ExitCode.INTERNAL_ERROR);
    // every subcommand gets --help and --version, which picocli answers before it checks required parameters
    for (CommandLine subcommand : commandLine.getSubcommands().values()) {
      if (subcommand.getCommandSpec().options().stream().noneMatch(CommandLine.Model.OptionSpec::usageHelp)) {
        subcommand.getCommandSpec().mixinStandardHelpOptions(true);
        subcommand.getCommandSpec().versionProvider(commandLine.getCommandSpec().versionProvider());
      }
    }
    return commandLine;
  }

  private static boolean verbose(String... args) {
    return Arrays.asList(args).contains("--verbose");
  }

  private static int handle(Throwable exception, PrintWriter err, boolean verbose) {
    if (causedByHeapExhaustion(exception)) {
      err.println(heapExhaustedMessage());
      if (verbose) {
        exception.printStackTrace(err);
      }
      return ExitCode.INTERNAL_ERROR;
    }
    // messages may name files and records from the inputs: their control characters are escaped
    if (exception instanceof UserException user) {
      err.println("trailsleuth: " + TerminalText.lines(user.getMessage()));
      return user.exitCode();
    }
    if (exception instanceof StoreBusyException || exception instanceof StoreException) {
      err.println("trailsleuth: " + TerminalText.lines(exception.getMessage()));
      return ExitCode.USAGE;
    }
    err.println("trailsleuth: internal error: " + TerminalText.lines(exception.toString()));
    if (verbose) {
      exception.printStackTrace(err);
    } else {
      err.println("(rerun with --verbose for the stack trace, and report it as a bug)");
    }
    return ExitCode.INTERNAL_ERROR;
  }

  /** What a run whose heap ran out (or that {@link HeapWatch} ended) tells its user. */
  static String heapExhaustedMessage() {
    return "trailsleuth: out of memory: the Java heap (" + Runtime.getRuntime().maxMemory() / (1024 * 1024)
        + " MiB usable) is too small for this run; run again with a larger one (TRAILSLEUTH_HEAP=1g ./trailsleuth"
        + " ...). A run keeps some heap for every input file: the launcher's default of 256 MiB held an ingest of"
        + " 2,000,000 one-event files, and an investigate of 575,000 when digests list every file (2,000,000 with no"
        + " digest) or of 200,000 AWS Config files. A larger archive can"
        + " also be ingested in parts into one store (--since and --until, --account, --region) and analysed there.";
  }

  /**
   * True when the heap ran out, directly or as the cause of another exception (a parser thread's error reaches the
   * command wrapped). Other OutOfMemoryErrors (threads, metaspace, direct buffers, an array past the VM's limit) are
   * not helped by a larger heap and take the internal-error path. Allocates nothing, so that {@link HeapWatch} can ask
   * with the heap full: every cause is looked at without a set of those seen, a second reference following the chain at
   * half the pace, and a cycle of causes ends the look where the two meet (by then every cause in it was looked at).
   */
  static boolean causedByHeapExhaustion(Throwable exception) {
    Throwable halfPace = exception;
    Throwable cause = exception;
    for (long steps = 1; cause != null; steps++) {
      if (cause instanceof OutOfMemoryError error && HEAP_EXHAUSTION.contains(String.valueOf(error.getMessage()))) {
        return true;
      }
      cause = cause.getCause();
      if (steps % 2 == 0) {
        halfPace = halfPace.getCause();
      }
      if (cause == halfPace) {
        return false;
      }
    }
    return false;
  }

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    HeapWatch.start(System.err, HeapWatch.FIRST_LOOK, HeapWatch.WINDOW);
    System.exit(run(out, err, args));
  }
}
