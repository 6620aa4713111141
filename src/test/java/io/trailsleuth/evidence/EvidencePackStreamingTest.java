package io.trailsleuth.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trailsleuth.analysis.CitedSources;
import io.trailsleuth.store.CaseStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pack's findings.json is streamed to its file as it is made, and the manifest hashes the file written. */
final class EvidencePackStreamingTest {
  private static final int CHUNKS = 20_000;

  @TempDir
  Path temp;

  @Test
  void writesTheStreamedFindingsJsonAsMadeAndHashesTheFileWrittenInTheManifest() throws Exception {
    Path pack = temp.resolve("pack");
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    for (int chunk = 0; chunk < CHUNKS; chunk++) {
      expected.writeBytes(chunk(chunk).getBytes(StandardCharsets.UTF_8));
    }

    write(pack, out -> {
      for (int chunk = 0; chunk < CHUNKS; chunk++) {
        out.write(chunk(chunk));
      }
    });

    assertThat(Files.readAllBytes(pack.resolve("findings.json"))).isEqualTo(expected.toByteArray());
    assertThat(Files.readAllLines(pack.resolve(PackManifest.NAME)))
        .contains(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(expected.toByteArray()))
            + "  findings.json");
  }

  @Test
  void leavesNoHalfPackWhenTheFindingsJsonFailsWhileItIsWritten() throws Exception {
    Path pack = temp.resolve("pack");

    assertThatThrownBy(() -> write(pack, out -> {
      out.write(chunk(0));
      throw new IOException("the findings could not be written");
    })).isInstanceOf(IOException.class).hasMessage("the findings could not be written");

    assertThat(pack).doesNotExist();
  }

  /** Writes a pack of no cited record from an empty store, with the given findings JSON. */
  private void write(Path pack, StreamedText findingsJson) throws Exception {
    try (Connection connection = CaseStore.connect(CaseStore.createOrOpen(temp.resolve("store")), "256MB")) {
      EvidencePack.write(pack, connection, CitedSources.none(),
          new EvidencePack.Outputs("# Incident report\n", Optional.empty(), findingsJson));
    }
  }

  /** A piece of JSON text with a character outside ASCII, so the file's encoding is checked too. */
  private static String chunk(int index) {
    return "{\"file\": \"AWSLogs/111122223333/CloudTrail/us-east-1/é-" + index + ".json.gz\"},\n";
  }
}
