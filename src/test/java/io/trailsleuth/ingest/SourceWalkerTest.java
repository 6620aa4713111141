package io.trailsleuth.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each file the walk finds opens at the path the walk found it under: with a root named with '..', a trailing
 * separator, the empty path or a single file, and with a name whose bytes are not valid UTF-8.
 */
final class SourceWalkerTest {
  @TempDir
  Path temp;

  @Test
  void eachFileOpensWhereTheWalkFoundItAndKeepsItsRelativePath() throws Exception {
    Path logs = Files.createDirectories(temp.resolve("case/logs/AWSLogs/111122223333"));
    Files.writeString(logs.resolve("a.json"), "{\"Records\":[]}", StandardCharsets.UTF_8);
    Files.writeString(temp.resolve("case/single.json"), "{}", StandardCharsets.UTF_8);
    Files.createDirectories(temp.resolve("case/other"));
    // a root named with '..' and one named with a trailing separator walk the same files
    String dotted = temp.resolve("case/other/../logs").toString();
    String trailing = temp.resolve("case/logs") + "/";
    String single = temp.resolve("case/single.json").toString();

    SourceWalker.Walk walk = SourceWalker.walk(List.of(dotted, trailing, single));

    assertThat(walk.problems()).isEmpty();
    assertThat(walk.files()).extracting(SourceFile::relativePath)
        .containsExactly("AWSLogs/111122223333/a.json", "AWSLogs/111122223333/a.json", "single.json");
    for (SourceFile file : walk.files()) {
      assertThat(Files.isSameFile(file.path(), temp.resolve(file.inputRoot().equals(single)
          ? "case/single.json" : "case/logs/" + file.relativePath()))).as(file.toString()).isTrue();
      assertThat(file.path().toString()).startsWith(file.inputRoot().replaceAll("/$", ""));
    }
    // spelled as the walk spelled it, '..' and all
    assertThat(walk.files().stream().filter(f -> f.inputRoot().equals(dotted)).findFirst().orElseThrow().path())
        .hasToString(dotted + "/AWSLogs/111122223333/a.json");
  }

  @Test
  void aRootNamedByTheEmptyPathKeepsEachFilesOwnPath() {
    // Path.of("") walks the current directory: its files' text has no root text to cut
    SourceFile file = SourceWalker.sourceFile("", Path.of(""), Path.of("x/f.json"), "x/f.json", 1);
    SourceFile top = SourceWalker.sourceFile("", Path.of(""), Path.of("f.json"), "f.json", 1);

    assertThat(file.path()).isEqualTo(Path.of("x/f.json"));
    assertThat(top.path()).isEqualTo(Path.of("f.json"));
  }

  @Test
  void aNameThatIsNotValidUtf8OpensTheFileTheWalkFound() throws Exception {
    Path logs = Files.createDirectories(temp.resolve("logs"));
    // a name with the byte 0xFF, which no UTF-8 text spells: made by the shell, since Java cannot name it
    Process touch = new ProcessBuilder("sh", "-c", "printf '{}' > \"$(printf 'bad\\377.json')\"")
        .directory(logs.toFile()).start();
    assertThat(touch.waitFor()).isZero();

    SourceFile file = SourceWalker.walk(List.of(logs.toString())).files().get(0);

    assertThat(Files.readString(file.path(), StandardCharsets.UTF_8)).isEqualTo("{}");
  }

  @Test
  void standardInputHasNoPath() {
    SourceFile input = SourceWalker.walk(List.of("-")).files().get(0);

    assertThat(input.isStandardInput()).isTrue();
    assertThat(input.path()).isNull();
    assertThat(input.relativePath()).isEqualTo("<stdin>");
  }
}
