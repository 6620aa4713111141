package io.trailsleuth.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailsleuth.store.DuckDb;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The report's view of the sources, read in one pass: the manifest hash, the log layouts, the cited files' hashes. */
final class SourceManifestTest {
  private static final String LOG = "AWSLogs/o-abcdefghij/111122223333/CloudTrail/eu-west-1/2026/03/02/"
      + "111122223333_CloudTrail_eu-west-1_20260302T1025Z_Ab12Cd34Ef56Gh78.json.gz";

  @Test
  void hashesTheSortedLinesOfTheFilesReadAndKeepsTheFirstHashOfEachCitedFileOnly() throws Exception {
    try (Connection connection = DuckDb.inMemory("256MB"); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE sources (run_id VARCHAR, input_root VARCHAR, source_file VARCHAR, sha256 VARCHAR,"
          + " status VARCHAR, shape VARCHAR, records_read BIGINT, stored BIGINT, duplicates BIGINT, rejected BIGINT)");
      // rows out of order, a digest that is skipped, and one path stored twice with different content
      statement.execute("INSERT INTO sources VALUES"
          + " ('run-000002', 'logs', '" + LOG + "', 'bb', 'ingested', 'records', 1, 1, 0, 0),"
          + " ('run-000001', 'logs', 'digest.json.gz', 'cc', 'skipped', 'digest', 0, 0, 0, 0),"
          + " ('run-000001', 'logs', '" + LOG + "', 'aa', 'ingested', 'records', 2, 2, 0, 0),"
          + " ('run-000001', 'logs', 'other.json', 'dd', 'ingested', 'records', 1, 1, 0, 0)");

      SourceManifest manifest = SourceManifest.read(connection, Set.of(LOG));

      assertThat(manifest.sha256()).isEqualTo(sha256("logs/" + LOG + " aa\nlogs/" + LOG + " bb\nlogs/other.json dd\n"));
      assertThat(manifest.firstSha256(LOG)).contains("aa");
      assertThat(manifest.firstSha256("other.json")).isEmpty();
      assertThat(manifest.layouts().forAccount("111122223333"))
          .isEqualTo(new TrailLayouts.Layout(List.of("o-abcdefghij"), TrailLayouts.Shown.ACCOUNT_FILES));
    }
  }

  private static String sha256(String text) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }
}
