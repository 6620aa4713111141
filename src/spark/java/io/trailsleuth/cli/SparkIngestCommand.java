package io.trailsleuth.cli;

import io.trailsleuth.pipeline.IngestOptions;
import io.trailsleuth.pipeline.IngestSummary;
import io.trailsleuth.spark.HadoopStore;
import io.trailsleuth.spark.SparkIngest;
import io.trailsleuth.spark.SparkIngestOptions;
import io.trailsleuth.store.RunState;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code trailsleuth spark-ingest}: the ingest as a Spark job, in-process in local mode or under spark-submit. */
@Command(name = "spark-ingest", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Read CloudTrail logs from any Hadoop filesystem into a case store with Apache Spark.",
    footerHeading = "%nExamples:%n",
    footer = {
        "  trailsleuth spark-ingest sample-logs --store /tmp/s --master 'local[2]'",
        "  spark-submit --class io.trailsleuth.spark.SparkIngest target/trailsleuth-spark.jar \\",
        "      s3a://bucket/AWSLogs/ --store s3a://bucket/cases/incident-42",
        "",
        "The store has the layout, schema, dedup, accounting and derived tables of 'ingest'; analyze it as usual."
    })
public final class SparkIngestCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or directories, as Hadoop paths (s3a://, hdfs://, file: or local).")
  List<String> paths;

  @Option(names = "--store", required = true, paramLabel = "DIR", description = "Case store, a Hadoop path (created if missing).")
  String store;

  @Option(names = "--master", paramLabel = "URL",
      description = "Spark master; default: the one spark-submit set, else local[N] with N from --threads.")
  String master;

  @Mixin
  IngestSettings settings;

  @Spec
  CommandSpec spec;

  /** Runs {@code spark-ingest ARGS} with the CLI's error handling; returns the exit code. */
  public static int run(String... args) {
    PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    return run(out, err, args);
  }

  /** Runs {@code spark-ingest ARGS} writing to these writers; returns the exit code. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine commandLine = Main.commandLine();
    commandLine.addSubcommand("spark-ingest", new SparkIngestCommand());
    List<String> all = new ArrayList<>(List.of("spark-ingest"));
    all.addAll(List.of(args));
    return Main.execute(commandLine, out, err, all.toArray(String[]::new));
  }

  /** The local file a Hadoop path names (a path without a scheme, or a {@code file:} URI), else null. */
  private static Path localPath(String hadoopPath) {
    if (!hadoopPath.contains(":")) {
      return Path.of(hadoopPath);
    }
    try {
      URI uri = new URI(hadoopPath);
      return "file".equals(uri.getScheme()) ? Path.of(uri) : null;
    } catch (URISyntaxException | IllegalArgumentException e) {
      return null; // not a URI the local filesystem takes: Hadoop reports it
    }
  }

  @Override
  public Integer call() throws Exception {
    Path localStore = localPath(store);
    if (localStore != null) {
      // a local store: refused before Spark starts when it is a file or lies inside a local input directory
      OutputPaths.outside(paths.stream().map(SparkIngestCommand::localPath).filter(Objects::nonNull)
          .map(Path::toString).toList()).requireDirectory("--store", localStore);
    }
    IngestOptions checked = settings.options(paths, Path.of("."));
    SparkIngestOptions options = new SparkIngestOptions(paths, store, checked.maxDecompressedBytes(), checked.scope());
    SparkSession.Builder builder = SparkSession.builder().appName("trailsleuth spark-ingest")
        .config("spark.ui.showConsoleProgress", !settings.quiet);
    String chosen = master != null ? master : new SparkConf().get("spark.master", "local[" + checked.threads() + "]");
    builder.master(chosen);
    if (chosen.startsWith("local")) {
      builder.config("spark.ui.enabled", false)
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1");
    }
    SparkSession spark = builder.getOrCreate();
    try {
      spark.sparkContext().setLogLevel("WARN");
      HadoopStore opened = HadoopStore.createOrOpen(store, spark.sparkContext().hadoopConfiguration());
      for (RunState.Ignored run : opened.scan().ignored()) {
        spec.commandLine().getErr().println(run.warning());
      }
      IngestSummary summary = SparkIngest.run(spark, opened, options);
      IngestSummaryPrinter.print(summary, store, store, spec.commandLine().getOut());
      return settings.exitCode(summary);
    } finally {
      spark.stop();
    }
  }
}
