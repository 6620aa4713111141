package io.trailsleuth.analysis;

import static io.trailsleuth.analysis.SnapshotFixtures.configRole;
import static org.assertj.core.api.Assertions.assertThat;

import io.trailsleuth.cli.Main;
import io.trailsleuth.query.AnalysisViews;
import io.trailsleuth.store.CaseStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the analysis loads of AWS Config files: every file with all its items counted, but as items only those a
 * finding can match (a role ID, a function, a grant or a key), sharing their file's path and hash: 200,000 Config
 * history files held item by item ran the launcher's heap out.
 */
final class SnapshotLoadingTest {
  private static final String A = StoryLogs.ACCOUNT;
  private static final String ROLE_ID = "AROAOLDOLDOLDOLDOLD01";

  @TempDir
  Path temp;

  @Test
  void loadsOnlyTheItemsAFindingCanMatchButCountsEveryItemOfEachFile() throws Exception {
    Path config = temp.resolve("in").resolve(SnapshotFixtures.configHistoryPath(A));
    Files.createDirectories(config.getParent());
    String instance = "{\"configurationItemVersion\":\"1.3\",\"configurationItemCaptureTime\":\"2026-03-02T10:15:00.000Z\","
        + "\"awsAccountId\":\"" + A + "\",\"configurationItemStatus\":\"OK\",\"resourceType\":\"AWS::EC2::Instance\","
        + "\"resourceId\":\"i-0123456789abcdef0\",\"ARN\":\"arn:aws:ec2:us-east-1:" + A + ":instance/i-0123456789abcdef0\","
        + "\"awsRegion\":\"us-east-1\",\"configuration\":{\"instanceId\":\"i-0123456789abcdef0\"}}";
    Files.writeString(config, "{\"fileVersion\":\"1.0\",\"configurationItems\":[" + instance + ","
        + configRole(A, ROLE_ID, "OK", "2026-02-01T08:00:00.000Z", "2026-02-01T08:05:00.000Z", false) + ","
        + instance.replace("0123456789abcdef0", "0fedcba9876543210") + "]}", StandardCharsets.UTF_8);
    Path store = temp.resolve("store");
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "ingest", "-q",
        temp.resolve("in").toString(), "--store", store.toString());
    assertThat(code).as(err.toString()).isZero();

    AnalysisData data;
    try (Connection connection = CaseStore.connect(CaseStore.openExisting(store))) {
      AnalysisViews.installMaterialized(connection);
      data = AnalysisData.load(connection);
    }

    List<SnapshotFile> files = data.snapshotFiles();
    assertThat(files).hasSize(1);
    assertThat(files.get(0).items()).isEqualTo(3);
    assertThat(files.get(0).kind()).isEqualTo("aws-config");
    assertThat(files.get(0).inputRoot()).isEqualTo(temp.resolve("in").toString());
    assertThat(data.snapshots()).singleElement().satisfies(item -> {
      assertThat(item.roleId()).isEqualTo(ROLE_ID);
      assertThat(item.itemIndex()).isEqualTo(1);
      assertThat(item.sourceFile()).isSameAs(files.get(0).sourceFile());
      assertThat(item.sourceSha256()).isSameAs(files.get(0).sha256());
    });
  }
}
