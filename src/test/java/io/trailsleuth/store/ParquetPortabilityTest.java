package io.trailsleuth.store;

import static io.trailsleuth.pipeline.TestStores.count;
import static io.trailsleuth.pipeline.TestStores.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import io.trailsleuth.model.EventColumn;
import io.trailsleuth.pipeline.TestStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.MessageType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store is plain Parquet: Apache parquet-java (what Spark and Athena build on) reads every file. */
final class ParquetPortabilityTest {
  @TempDir
  Path temp;

  @Test
  void readsTheStoreInParquetJavaWithTheRowCountsDuckDbSees() throws Exception {
    Path store = temp.resolve("store");
    TestStores.ingest(store, fixture(""));
    Configuration configuration = new Configuration();

    List<Path> eventFiles = parquetFiles(store.resolve("runs"), "/events/");
    long eventRows = 0;
    for (Path file : eventFiles) {
      try (ParquetFileReader reader = open(file, configuration)) {
        MessageType schema = reader.getFooter().getFileMetaData().getSchema();
        assertThat(schema.getFields()).extracting(field -> field.getName())
            .containsAll(EventColumn.ALL.stream().map(EventColumn::columnName).toList());
        assertThat(reader.getFooter().getBlocks().get(0).getColumns().get(0).getCodec().name()).isEqualTo("ZSTD");
        eventRows += reader.getRecordCount();
      }
    }

    assertThat(eventFiles).isNotEmpty();
    assertThat(eventFiles).allSatisfy(file -> assertThat(file.getParent().getFileName().toString()).isEqualTo("events"));
    assertThat(eventRows).isEqualTo(count(store, "SELECT count(*) FROM events")).isPositive();
    assertThat(rowsOf(parquetFiles(store.resolve("runs"), "sources.parquet"), configuration))
        .isEqualTo(count(store, "SELECT count(*) FROM sources"));
    assertThat(rowsOf(parquetFiles(store.resolve("runs"), "rejects.parquet"), configuration))
        .isEqualTo(count(store, "SELECT count(*) FROM rejects"));
  }

  private static ParquetFileReader open(Path file, Configuration configuration) throws Exception {
    return ParquetFileReader.open(HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(file.toUri()), configuration));
  }

  private static long rowsOf(List<Path> files, Configuration configuration) throws Exception {
    long rows = 0;
    for (Path file : files) {
      try (ParquetFileReader reader = open(file, configuration)) {
        rows += reader.getRecordCount();
      }
    }
    return rows;
  }

  private static List<Path> parquetFiles(Path runs, String part) throws Exception {
    try (Stream<Path> walk = Files.walk(runs)) {
      return walk.filter(p -> p.toString().endsWith(".parquet") && p.toString().contains(part)).sorted().toList();
    }
  }
}
