package io.trailsleuth.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.xxhash64;

import io.trailsleuth.common.SqlFiles;
import io.trailsleuth.ingest.WalkProblem;
import io.trailsleuth.model.EventColumn;
import io.trailsleuth.model.Reject;
import io.trailsleuth.model.RejectColumn;
import io.trailsleuth.model.SnapshotColumn;
import io.trailsleuth.model.SourceColumn;
import io.trailsleuth.pipeline.IngestPipeline;
import io.trailsleuth.pipeline.IngestSummary;
import io.trailsleuth.store.DerivedTable;
import io.trailsleuth.store.EventFileLayout;
import io.trailsleuth.store.SourceEntry;
import io.trailsleuth.store.StoreLayout;
import io.trailsleuth.store.StoreLock;
import io.trailsleuth.store.StoreRuns;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

/**
 * The ingest as a Spark job: the driver lists and prunes the archive, the executors parse whole files with the
 * project's own reader ({@link UnitParser}), and the job writes one store run with {@code ingest}'s layout, schema,
 * dedup, accounting and derived tables, published by {@link HadoopStore#commit} with its commit marker last.
 * {@link #main} is the {@code spark-submit} entry.
 */
public final class SparkIngest {
  private static final String EVENTS = "events";

  private SparkIngest() {}

  /** {@code spark-submit --class io.trailsleuth.spark.SparkIngest trailsleuth-spark.jar PATH... --store DIR}. */
  public static void main(String[] args) {
    System.exit(io.trailsleuth.cli.SparkIngestCommand.run(args));
  }

  /** Runs the ingest on a session into the store the options name, created or opened here; returns the accounting. */
  public static IngestSummary run(SparkSession spark, SparkIngestOptions options) throws IOException {
    return run(spark, HadoopStore.createOrOpen(options.store(), spark.sparkContext().hadoopConfiguration()), options);
  }

  /**
   * Runs the ingest on a session into a store the caller opened ({@link HadoopStore#createOrOpen}), the one the
   * options name; returns the accounting. Holds {@code ingest}'s lock when the store is local.
   */
  public static IngestSummary run(SparkSession spark, HadoopStore store, SparkIngestOptions options)
      throws IOException {
    configure(spark);
    Configuration configuration = spark.sparkContext().hadoopConfiguration();
    if (!store.isLocal()) {
      return runLocked(spark, options, store, configuration);
    }
    StoreLayout layout = new StoreLayout(java.nio.file.Path.of(store.root().toUri()), store.version());
    try (StoreLock lock = StoreLock.acquire(layout)) {
      store.removeAbandonedStaging();
      return runLocked(spark, options, store, configuration);
    }
  }

  /** The session settings the store's format needs; SQL settings, so they apply to any session. */
  static void configure(SparkSession spark) {
    spark.conf().set("spark.sql.session.timeZone", "UTC");
    spark.conf().set("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS");
    spark.conf().set("spark.sql.parquet.compression.codec", "zstd");
    spark.conf().set("spark.sql.parquet.datetimeRebaseModeInWrite", "CORRECTED");
    // the run's commit.json is its commit marker; Spark's _SUCCESS files inside it would mean nothing
    spark.sparkContext().hadoopConfiguration().set("mapreduce.fileoutputcommitter.marksuccessfuljobs", "false");
  }

  private static IngestSummary runLocked(SparkSession spark, SparkIngestOptions options, HadoopStore store,
      Configuration configuration) throws IOException {
    ArchiveListing listing = ArchiveListing.list(options.inputs(), options.scope(), configuration);
    String runId = store.nextRunId();
    store.discard(runId);
    try {
      Dataset<Row> parsed = parse(spark, listing, knownHashes(spark, store), options, store.staging(runId), configuration);
      List<Row> fileRows = parsed.where(col(ParsedRows.KIND).equalTo(ParsedRows.SOURCE))
          .select(ParsedRows.SOURCE + ".*").collectAsList();
      long accepted = fileRows.stream().mapToLong(r -> r.getLong(SourceColumn.STORED.ordinal())).sum();
      Path events = new Path(store.stagedRun(runId), EVENTS);
      Map<String, Long> storedPerFile = accepted == 0 ? Map.of() : writeEvents(spark, parsed, store, events);

      List<SourceEntry> entries = new ArrayList<>();
      Map<String, Long> rejectReasons = new TreeMap<>();
      for (WalkProblem problem : listing.problems()) {
        entries.add(IngestPipeline.unreadableEntry(problem));
      }
      entries.addAll(listing.outOfScope());
      int unchanged = 0;
      for (Row row : fileRows) {
        if (ParsedRows.UNCHANGED.equals(row.getString(SourceColumn.STATUS.ordinal()))) {
          unchanged++;
          continue;
        }
        String key = fileKey(row.getString(SourceColumn.SOURCE_FILE.ordinal()), row.getString(SourceColumn.SHA256.ordinal()));
        entries.add(ParsedRows.sourceEntry(row, storedPerFile.getOrDefault(key, 0L)));
      }
      entries.sort(Comparator.comparing(SourceEntry::inputRoot).thenComparing(SourceEntry::sourceFile));
      Dataset<Row> rejects = rejects(spark, parsed, listing.problems(), runId);
      for (Row row : rejects.groupBy(RejectColumn.REASON_CODE.columnName()).count().collectAsList()) {
        rejectReasons.merge(row.getString(0), row.getLong(1), Long::sum);
      }
      boolean anythingNew = entries.stream()
          .anyMatch(e -> !e.status().equals("unreadable") && !e.status().equals(IngestPipeline.OUT_OF_SCOPE))
          || !listing.problems().isEmpty();
      if (!anythingNew) {
        store.discard(runId);
        return IngestSummary.of("", entries, unchanged, new TreeMap<>(rejectReasons));
      }
      Path scratch = new Path(store.staging(runId), "tables");
      writeDerivedTables(spark, store, runId, events, scratch);
      SingleParquetFile.write(rejects, new Path(store.stagedRun(runId), StoreLayout.REJECTS_FILE),
          new Path(scratch, "rejects"), store.fileSystem());
      SingleParquetFile.write(snapshots(parsed, runId), new Path(store.stagedRun(runId), StoreLayout.SNAPSHOTS_FILE),
          new Path(scratch, "snapshots"), store.fileSystem());
      List<Row> sourceRows = entries.stream().map(e -> ParsedRows.sourceValues(e, runId)).toList();
      SingleParquetFile.write(spark.createDataFrame(sourceRows, SparkColumns.SOURCES),
          new Path(store.stagedRun(runId), StoreLayout.SOURCES_FILE), new Path(scratch, "sources"), store.fileSystem());
      store.commit(runId);
      return IngestSummary.of(runId, entries, unchanged, new TreeMap<>(rejectReasons));
    } catch (IOException | RuntimeException e) {
      store.discard(runId);
      throw e;
    }
  }

  /** Parses every file once in the executors and stages the result as Parquet. */
  private static Dataset<Row> parse(SparkSession spark, ArchiveListing listing, Set<String> known,
      SparkIngestOptions options, Path staging, Configuration configuration) {
    List<List<ArchiveFile>> units = listing.unitsByRelativePath();
    if (units.isEmpty()) {
      return spark.createDataFrame(List.of(), ParsedRows.SCHEMA);
    }
    JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Map<String, String> settings = new HashMap<>();
    configuration.forEach(entry -> settings.put(entry.getKey(), entry.getValue()));
    int slices = Math.max(1, Math.min(units.size(), context.defaultParallelism() * 4));
    JavaRDD<Row> rows = context.parallelize(units, slices)
        .mapPartitions(new UnitParser(context.broadcast(known), settings, options.maxDecompressedBytes()));
    String parsed = new Path(staging, "parsed").toString();
    spark.createDataFrame(rows, ParsedRows.SCHEMA).write().parquet(parsed);
    return spark.read().schema(ParsedRows.SCHEMA).parquet(parsed);
  }

  /** The SHA-256 of every file the store's committed runs read. */
  private static Set<String> knownHashes(SparkSession spark, HadoopStore store) throws IOException {
    Set<String> hashes = new HashSet<>();
    StoreRuns runs = store.scan();
    List<String> manifests = runs.runFiles(StoreLayout.SOURCES_FILE);
    if (manifests.isEmpty()) {
      return hashes;
    }
    // the same query as ingest: a file rejected for the decompression limit is read again by a later run
    List<String> rejectFiles = runs.runFiles(StoreLayout.REJECTS_FILE);
    spark.read().parquet(manifests.toArray(String[]::new)).createOrReplaceTempView("sources");
    (rejectFiles.isEmpty() ? spark.createDataFrame(List.<Row>of(), SparkColumns.REJECTS)
        : spark.read().parquet(rejectFiles.toArray(String[]::new))).createOrReplaceTempView("rejects");
    spark.sql(SparkSqlDialect.fromDuckDb(SqlFiles.get("store_known_source_hashes").sql())).collectAsList()
        .forEach(row -> hashes.add(row.getString(0)));
    return hashes;
  }

  /**
   * Drops the events the store already holds and repeats within the run, keeping, as {@code ingest} does, the first
   * copy by (source_file, source_sha256, source_record); writes the rest as the store's version holds them (directly under
   * {@code events/}, or for a store of format 1 to 3 partitioned by event date); returns the events stored per file.
   */
  private static Map<String, Long> writeEvents(SparkSession spark, Dataset<Row> parsed, HadoopStore store, Path events)
      throws IOException {
    String eventId = EventColumn.EVENT_ID.columnName();
    String file = EventColumn.SOURCE_FILE.columnName();
    String sha256 = EventColumn.SOURCE_SHA256.columnName();
    String record = EventColumn.SOURCE_RECORD.columnName();
    Dataset<Row> all = parsed.where(col(ParsedRows.KIND).equalTo(ParsedRows.EVENT)).select(ParsedRows.EVENT + ".*");
    // Only the record keys are shuffled by event ID to find the copies to drop; the events themselves are shuffled
    // once, for the write below. The dropped copies are few unless the run repeats much of itself, and a small list of
    // them is broadcast, not shuffled.
    Column copyOrder = row_number().over(Window.partitionBy(eventId).orderBy(col(file), col(sha256), col(record)));
    Dataset<Row> dropped = all.select(col(eventId), col(file), col(sha256), col(record))
        .withColumn("copy_rank", copyOrder).where(col("copy_rank").gt(1))
        .select(col(file).as("dropped_file"), col(sha256).as("dropped_sha256"), col(record).as("dropped_record"));
    Dataset<Row> kept = all.join(dropped, all.col(file).equalTo(col("dropped_file"))
        .and(all.col(sha256).equalTo(col("dropped_sha256"))).and(all.col(record).equalTo(col("dropped_record"))),
        "left_anti");
    List<String> stored = store.scan().eventFiles();
    if (!stored.isEmpty()) {
      Dataset<Row> storedIds = spark.read().parquet(stored.toArray(String[]::new)).select(eventId);
      kept = kept.join(storedIds, kept.col(eventId).equalTo(storedIds.col(eventId)), "left_anti");
    }
    int writers = spark.sparkContext().defaultParallelism();
    Column byEventId = pmod(xxhash64(col(eventId)), lit(writers));
    DataFrameWriter<Row> writer;
    if (EventFileLayout.of(store.version()) == EventFileLayout.FLAT) {
      // as ingest writes them: files directly under events/, one or more per task
      writer = kept.repartition(writers, byEventId).write();
    } else {
      // by day and a hash of the event ID: one day's events are written by several tasks (no single-task day), each
      // writing one file per day it holds
      Column day = col(SparkColumns.EVENT_DATE);
      writer = kept.withColumn(SparkColumns.EVENT_DATE, to_date(col(EventColumn.EVENT_TIME.columnName())))
          .repartition(writers, day, byEventId)
          .write()
          .partitionBy(SparkColumns.EVENT_DATE);
    }
    writer.option("compression", "zstd")
        .option("maxRecordsPerFile", 4_000_000L)
        .parquet(events.toString());
    Map<String, Long> storedPerFile = new HashMap<>();
    if (!holdsParquet(store, events)) {
      return storedPerFile;
    }
    spark.read().parquet(events.toString())
        .groupBy(EventColumn.SOURCE_FILE.columnName(), EventColumn.SOURCE_SHA256.columnName()).count()
        .collectAsList()
        .forEach(row -> storedPerFile.put(fileKey(row.getString(0), row.getString(1)), row.getLong(2)));
    return storedPerFile;
  }

  private static boolean holdsParquet(HadoopStore store, Path events) throws IOException {
    if (!store.fileSystem().exists(events)) {
      return false;
    }
    var files = store.fileSystem().listFiles(events, true);
    while (files.hasNext()) {
      if (files.next().getPath().getName().endsWith(".parquet")) {
        return true;
      }
    }
    return false;
  }

  private static String fileKey(String sourceFile, String sha256) {
    return sourceFile + "\n" + sha256;
  }

  /** The executors' rejects and the listing's, with the run id, in {@code ingest}'s order. */
  private static Dataset<Row> rejects(SparkSession spark, Dataset<Row> parsed, List<WalkProblem> problems, String runId) {
    List<Row> listed = problems.stream()
        .map(p -> ParsedRows.reject(new Reject(p.relativePath(), 0, -1, p.reasonCode(), p.reason()), "", runId).getStruct(3))
        .toList();
    return parsed.where(col(ParsedRows.KIND).equalTo(ParsedRows.REJECT)).select(ParsedRows.REJECT + ".*")
        .unionByName(spark.createDataFrame(listed, SparkColumns.REJECTS))
        .withColumn(RejectColumn.RUN_ID.columnName(), lit(runId))
        .orderBy(col(RejectColumn.SOURCE_FILE.columnName()).asc_nulls_last(),
            col(RejectColumn.SOURCE_RECORD.columnName()).asc_nulls_last(),
            col(RejectColumn.BYTE_OFFSET.columnName()).asc_nulls_last());
  }

  /** The snapshot items of the run's files, with the run id, in {@code ingest}'s order. */
  private static Dataset<Row> snapshots(Dataset<Row> parsed, String runId) {
    return parsed.where(col(ParsedRows.KIND).equalTo(ParsedRows.SNAPSHOT)).select(ParsedRows.SNAPSHOT + ".*")
        .withColumn(SnapshotColumn.RUN_ID.columnName(), lit(runId))
        .orderBy(col(SnapshotColumn.SOURCE_FILE.columnName()).asc_nulls_last(),
            col(SnapshotColumn.SOURCE_SHA256.columnName()).asc_nulls_last(),
            col(SnapshotColumn.ITEM_INDEX.columnName()).asc_nulls_last());
  }

  /**
   * The run's derived tables (focus events, role sightings, event hours, ...), from the same statements in
   * {@code queries/store/} that {@code ingest} runs in DuckDB, here run by Spark SQL over the run's written events. Spark's TIMESTAMP results are
   * turned into the store's UTC wall-time timestamps.
   */
  private static void writeDerivedTables(SparkSession spark, HadoopStore store, String runId, Path events, Path scratch)
      throws IOException {
    // event_date as ingest's events view computes it for every store format (formats 1 to 3 also name it in their
    // partition directories, with the same day)
    Dataset<Row> runEvents = holdsParquet(store, events)
        ? spark.read().parquet(events.toString())
            .withColumn(SparkColumns.EVENT_DATE, to_date(col(EventColumn.EVENT_TIME.columnName())))
        : spark.createDataFrame(List.of(), SparkColumns.EVENTS.add(SparkColumns.EVENT_DATE, DataTypes.DateType));
    runEvents.createOrReplaceTempView("run_events");
    for (DerivedTable table : DerivedTable.values()) {
      Dataset<Row> derived = spark.sql(SparkSqlDialect.fromDuckDb(SqlFiles.get(table.queryId()).sql()))
          .drop(table.leftOutColumns(store.version()).toArray(String[]::new));
      for (StructField field : derived.schema().fields()) {
        if (field.dataType().equals(DataTypes.TimestampType)) {
          derived = derived.withColumn(field.name(), col(field.name()).cast(DataTypes.TimestampNTZType));
        }
      }
      SingleParquetFile.write(derived, store.stagedDerived(runId, table), new Path(scratch, table.viewName()),
          store.fileSystem());
    }
  }
}
