package io.trailsleuth.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailsleuth.pipeline.TestStores;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Load by file count: an archive of 250,000 log files of one event each (-Dtrailsleuth.load.files=N to change), as a
 * month of a quiet account's trail delivers them, ingests and is analysed in child JVMs with the launcher's 256 MiB
 * heap. The ingest keeps a few hundred bytes of heap per file until it ends, and the report reads the sources row by
 * row (measured: an ingest of 343,000 files, an analysis of 300,000; bench/README.md). Before both, 300,000 files ran
 * the ingest out of heap and crashed the analysis inside DuckDB's driver. Run with {@code mvn -B verify -Pload}.
 */
@Tag("load")
final class ManyFilesLoadTest {
  @TempDir
  Path temp;

  @Test
  void ingestsAndAnalysesAnArchiveOfManySmallFilesWithinTheLaunchersHeap() throws Exception {
    int files = Integer.getInteger("trailsleuth.load.files", 250_000);
    Path archive = temp.resolve("archive");
    for (int i = 0; i < files; i++) {
      int day = 1 + i % 28;
      Path directory = archive.resolve(String.format("AWSLogs/111122223333/CloudTrail/us-east-1/2026/03/%02d", day));
      if (i < 28) {
        Files.createDirectories(directory);
      }
      int minute = i / 28;
      String time = String.format("2026-03-%02dT%02d:%02d:00Z", day, minute / 12 % 24, minute % 12 * 5);
      String name = String.format("111122223333_CloudTrail_us-east-1_202603%02dT%02d%02dZ_%016x.json", day,
          minute / 12 % 24, minute % 12 * 5, i);
      Files.writeString(directory.resolve(name), "{\"Records\":[{\"eventVersion\":\"1.08\",\"userIdentity\":{\"type\":"
          + "\"AssumedRole\",\"principalId\":\"AROAEXAMPLEEXAMPLE1:worker\",\"arn\":\"arn:aws:sts::111122223333:"
          + "assumed-role/worker/worker\",\"accountId\":\"111122223333\"},\"eventTime\":\"" + time + "\",\"eventSource\":"
          + "\"s3.amazonaws.com\",\"eventName\":\"GetObject\",\"awsRegion\":\"us-east-1\",\"sourceIPAddress\":\"10.0.0.1\","
          + "\"userAgent\":\"aws-sdk\",\"requestParameters\":{\"bucketName\":\"b\",\"key\":\"k" + i + "\"},"
          + "\"responseElements\":null,\"requestID\":\"R" + i + "\",\"eventID\":\"" + new UUID(7, i) + "\","
          + "\"readOnly\":true,\"eventType\":\"AwsApiCall\",\"managementEvent\":false,"
          + "\"recipientAccountId\":\"111122223333\"}]}", StandardCharsets.UTF_8);
    }
    Path store = temp.resolve("store");

    run("ingest", "ingest", archive.toString(), "--store", store.toString(), "-q");
    run("analyze", "analyze", "--store", store.toString(), "--out", temp.resolve("report.md").toString(), "--json",
        temp.resolve("findings.json").toString());

    assertThat(TestStores.count(store, "SELECT count(*) FROM sources")).isEqualTo(files);
    assertThat(TestStores.count(store, "SELECT count(*) FROM events")).isEqualTo(files);
    assertThat(Files.readString(temp.resolve("report.md"))).contains("- Files: " + files + " read = " + files
        + " read for CloudTrail events");
  }

  private void run(String name, String... args) throws Exception {
    long started = System.nanoTime();
    Process process = ChildJvm.start(temp, name, ChildJvm.command(args));
    assertThat(process.waitFor(10, TimeUnit.MINUTES)).as(name + " ended").isTrue();
    System.out.printf("many files: %s in %d s%n", name, (System.nanoTime() - started) / 1_000_000_000L);
    assertThat(process.exitValue()).as(name + ": " + Files.readString(temp.resolve(name + ".err"))).isZero();
  }
}
