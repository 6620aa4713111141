package io.trailsleuth.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailsleuth.ingest.SourceFile;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** Finds the local copies of the object an S3 key names, under every input root, by file name and key suffix. */
class LocalLogFilesTest {
  private static final String NAME = "111122223333_CloudTrail_us-east-1_20240305T1010Z_AbCd.json.gz";
  private static final String DAY = "AWSLogs/111122223333/CloudTrail/us-east-1/2024/03/05/";

  private static SourceFile file(String root, String relativePath) {
    return new SourceFile(Path.of(root), relativePath, root, relativePath, 10);
  }

  @Test
  void findsEveryCopyOfAKeyUnderEveryRootAndNoFileOfTheSameNameElsewhere() {
    SourceFile first = file("copyA", DAY + NAME);
    SourceFile second = file("copyB", "bucket/" + DAY + NAME);
    SourceFile elsewhere = file("copyA", "AWSLogs/111122223333/CloudTrail/us-east-1/2024/03/06/" + NAME);
    SourceFile longerName = file("copyA", DAY + NAME + "x");
    SourceFile other = file("copyA", DAY + "111122223333_CloudTrail_us-east-1_20240305T1010Z_AbCc.json.gz");
    LocalLogFiles local = new LocalLogFiles(List.of(longerName, first, other, elsewhere, second));

    assertThat(local.copiesOf(DAY + NAME)).containsExactly(first, second);
    assertThat(local.copiesOf("prefix/" + DAY + NAME)).containsExactly(first);
    assertThat(local.copiesOf(DAY + "missing.json.gz")).isEmpty();
    assertThat(local.copiesAt(DAY + NAME)).isEqualTo(1);
    assertThat(local.copiesAt("bucket/" + DAY + NAME)).isEqualTo(1);
    assertThat(local.all()).containsExactly(other, first, elsewhere, second, longerName);
  }

  @Test
  void countsTheCopiesOfOnePathUnderTwoRoots() {
    LocalLogFiles local = new LocalLogFiles(List.of(file("copyA", DAY + NAME), file("copyB", DAY + NAME)));

    assertThat(local.copiesAt(DAY + NAME)).isEqualTo(2);
    assertThat(local.copiesOf(DAY + NAME)).hasSize(2);
  }

  @Test
  void givesTheStringOfTheLocalFileAKeyNamesExactlySoThatADigestSharesIt() {
    SourceFile local = file("copyA", DAY + NAME);
    LocalLogFiles files = new LocalLogFiles(List.of(local, file("copyA", "other/" + NAME)));
    String key = new String((DAY + NAME).toCharArray());

    assertThat(files.sameText(key)).isSameAs(local.relativePath());
    String longerKey = "bucket/" + DAY + NAME;
    assertThat(files.sameText(longerKey)).isSameAs(longerKey);
  }

  @Test
  void findsTheMarkedFileAndOneFileReachedUnderTwoRootsByItsPath() {
    SourceFile underRoot = file("copyA", DAY + NAME);
    String belowAwsLogs = DAY.substring("AWSLogs/".length()) + NAME;
    SourceFile underAwsLogs = new SourceFile(Path.of("copyA/AWSLogs"), belowAwsLogs, "copyA/AWSLogs", belowAwsLogs, 10);
    SourceFile elsewhere = file("copyB", DAY + NAME);
    LocalLogFiles local = new LocalLogFiles(List.of(underRoot, underAwsLogs, elsewhere));
    int[] positions = local.positionsOf(DAY + NAME);
    BitSet marked = new BitSet();
    marked.set(positions[0]);

    assertThat(positions).hasSize(3);
    assertThat(local.at(positions[0])).isEqualTo(underRoot);
    assertThat(local.pathMarked(positions[0], marked)).isTrue();
    assertThat(local.pathMarked(positions[1], marked)).as("the same file under a second root").isTrue();
    assertThat(local.pathMarked(positions[2], marked)).isFalse();
  }

  @Test
  void givesTheUnlistedFilesByPathAndLeavesOutTheListedAndTheirPathUnderAnotherRoot() {
    String earlier = DAY + "111122223333_CloudTrail_us-east-1_20240305T0900Z_Zz.json.gz";
    // the walk's order: by input root, then path
    List<SourceFile> walked = List.of(file("copyA", earlier), file("copyA", DAY + NAME), file("copyA", "notes.txt"),
        file("copyB", earlier), file("copyB", DAY + NAME));
    LocalLogFiles local = new LocalLogFiles(walked, new int[] {0, 1, 3, 4});

    assertThat(local.unlisted(new BitSet())).extracting(SourceFile::inputRoot, SourceFile::relativePath)
        .containsExactly(Tuple.tuple("copyA", earlier), Tuple.tuple("copyB", earlier),
            Tuple.tuple("copyA", DAY + NAME), Tuple.tuple("copyB", DAY + NAME));

    BitSet listed = new BitSet();
    int[] copies = local.positionsOf(DAY + NAME);
    listed.set(copies[1]);
    assertThat(local.at(copies[1]).inputRoot()).isEqualTo("copyB");
    assertThat(local.unlisted(listed)).extracting(SourceFile::inputRoot, SourceFile::relativePath)
        .containsExactly(Tuple.tuple("copyA", earlier), Tuple.tuple("copyB", earlier),
            Tuple.tuple("copyA", DAY + NAME));
    assertThat(local.count()).isEqualTo(4);
  }
}
