package io.trailsleuth.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailsleuth.common.SqlFile;
import io.trailsleuth.common.SqlFiles;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The statements that write a run's events and derived tables share one set of Parquet writer options. SQL files cannot
 * include one another, so the options are repeated in each; this keeps the copies from drifting apart.
 */
final class ParquetWriterOptionsTest {
  /** The options measured in bench/README.md (round two): zstd level 1, V2 pages, no bloom filters. */
  private static final String OPTIONS =
      "FORMAT parquet, COMPRESSION zstd, COMPRESSION_LEVEL 1, PARQUET_VERSION V2, WRITE_BLOOM_FILTER false";
  private static final Pattern ANY_TUNED_OPTION = Pattern.compile("COMPRESSION_LEVEL|PARQUET_VERSION|WRITE_BLOOM_FILTER");

  @Test
  void everyStatementThatTunesTheWriterUsesTheSameOptions() {
    Map<String, String> tuned = new TreeMap<>();
    for (SqlFile file : SqlFiles.bundled().values()) {
      String sql = file.sql().replaceAll("\\s+", " ");
      if (ANY_TUNED_OPTION.matcher(sql).find()) {
        tuned.put(file.id(), sql);
      }
    }

    assertThat(tuned.keySet()).containsExactly("store_rewrite_without_dropped", "store_stage_events",
        "store_stage_events_by_date", "store_write_derived");
    tuned.forEach((id, sql) -> assertThat(sql).as(id).contains(OPTIONS));
  }

  @Test
  void theEventWritesShareTheirRowGroupSize() {
    List<String> sizes = List.of("store_stage_events", "store_rewrite_without_dropped").stream()
        .map(id -> rowGroupSize(SqlFiles.get(id).sql()))
        .toList();

    assertThat(sizes).containsExactly("32768", "32768");
  }

  private static String rowGroupSize(String sql) {
    Matcher matcher = Pattern.compile("ROW_GROUP_SIZE (\\d+)").matcher(sql);
    return matcher.find() ? matcher.group(1) : "none";
  }
}
