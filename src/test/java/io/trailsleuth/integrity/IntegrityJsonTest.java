package io.trailsleuth.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntegrityJsonTest {
  @TempDir
  Path directory;

  @Test
  void writesEveryFieldWithPathsRelativeToTheInputRoot() throws IOException {
    TestArchive archive = TestArchive.write(directory.resolve("archive"), 3, -1);
    Files.delete(archive.pathOf(archive.logKeys.get(0)));
    IntegrityReport report = ArchiveVerifier.verify(List.of(directory.resolve("archive").toString()), Optional.empty(),
        Optional.empty());

    JsonNode json = new ObjectMapper().readTree(IntegrityJson.toText(report));

    assertThat(json.fieldNames()).toIterable().contains("verifiedFiles", "tampered", "missing", "unlisted",
        "chainBreaks", "signatures", "digestsChecked");
    assertThat(json.path("verifiedFiles").get(0).asText()).isEqualTo(archive.logKeys.get(1));
    assertThat(json.path("missing").get(0).path("s3Object").asText()).isEqualTo(archive.logKeys.get(0));
    assertThat(json.path("digestsChecked").asInt()).isEqualTo(3);
    assertThat(json.path("passed").asBoolean()).isFalse();
    assertThat(json.path("signatures").path("checked").asBoolean()).isFalse();
  }

  @Test
  void writesByteIdenticalOutputForTheSameInput() throws IOException {
    TestArchive archive = TestArchive.write(directory.resolve("archive"), 4, -1);
    Files.delete(archive.pathOf(archive.digestKeys.get(1)));
    Files.delete(archive.pathOf(archive.digestKeys.get(2)));
    List<String> paths = List.of(directory.resolve("archive").toString());

    IntegrityJson.write(ArchiveVerifier.verify(paths, Optional.empty(), Optional.empty()), directory.resolve("a.json"));
    IntegrityJson.write(ArchiveVerifier.verify(paths, Optional.empty(), Optional.empty()), directory.resolve("b.json"));

    assertThat(Files.readAllBytes(directory.resolve("a.json"))).isEqualTo(Files.readAllBytes(directory.resolve("b.json")));
  }

  @Test
  void writesTheTextAPrettyPrintedTreeOfTheSameFieldsGives() throws IOException {
    TestArchive archive = TestArchive.write(directory.resolve("archive"), 3, -1);
    Files.delete(archive.pathOf(archive.digestKeys.get(1)));
    TestArchive.rewrite(archive.pathOf(archive.logKeys.get(0)), bytes -> "changed".getBytes());
    IntegrityReport report = ArchiveVerifier.verify(List.of(directory.resolve("archive").toString()), Optional.empty(),
        Optional.empty());
    ObjectMapper indenting = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    String text = IntegrityJson.toText(report);

    assertThat(report.unlisted()).isNotEmpty();
    assertThat(report.tampered()).isNotEmpty();
    assertThat(text).isEqualTo(indenting.writeValueAsString(indenting.readTree(text)) + "\n");
  }
}
