package io.trailsleuth.spark;

import io.trailsleuth.ingest.FileScope;
import io.trailsleuth.pipeline.IngestOptions;
import io.trailsleuth.pipeline.IngestSummary;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;

/** One local[2] Spark session shared by the tests of this package (starting one costs seconds). */
final class LocalSpark {
  private static SparkSession session;

  private LocalSpark() {}

  static synchronized SparkSession session() {
    if (session == null) {
      session = SparkSession.builder().appName("trailsleuth-tests").master("local[2]")
          .config("spark.ui.enabled", false)
          .config("spark.ui.showConsoleProgress", false)
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1")
          .config("spark.sql.shuffle.partitions", 4)
          .getOrCreate();
      session.sparkContext().setLogLevel("ERROR");
    }
    return session;
  }

  /** Runs the Spark ingest of the inputs into the store. */
  static IngestSummary ingest(Path store, Path... inputs) throws Exception {
    return ingest(store, FileScope.EVERYTHING, inputs);
  }

  /** Runs the Spark ingest of the inputs in scope into the store. */
  static IngestSummary ingest(Path store, FileScope scope, Path... inputs) throws Exception {
    List<String> paths = Stream.of(inputs).map(Path::toString).toList();
    return SparkIngest.run(session(),
        new SparkIngestOptions(paths, store.toString(), IngestOptions.DEFAULT_MAX_DECOMPRESSED_BYTES, scope));
  }
}
