package io.trailsleuth.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A temporary directory is removed by a later run once the process that made it is gone, and never before. */
final class OwnedTemporaryDirectoriesTest {
  private static final String PREFIX = "trailsleuth-test-";

  @TempDir
  Path temp;

  /** Makes an owned directory in the JVM's temporary directory, prints its path, then waits to be killed. */
  public static void main(String[] args) throws Exception {
    Path directory = OwnedTemporaryDirectories.create(PREFIX);
    Files.writeString(directory.resolve("spill.bin"), "spilled");
    System.out.println(directory);
    System.out.flush();
    Thread.sleep(TimeUnit.MINUTES.toMillis(5));
  }

  @Test
  void removesTheDirectoryOfAKilledProcessAndKeepsThatOfALiveOne() throws Exception {
    Process killed = start();
    Process alive = start();
    try {
      Path left = Path.of(firstLine(killed));
      Path held = Path.of(firstLine(alive));
      killed.destroyForcibly();
      assertThat(killed.waitFor(60, TimeUnit.SECONDS)).isTrue();

      int deleted = OwnedTemporaryDirectories.deleteAbandoned(temp, PREFIX);

      assertThat(deleted).isEqualTo(1);
      assertThat(left).doesNotExist();
      assertThat(held.resolve("spill.bin")).hasContent("spilled");
      assertThat(held.resolve(OwnedTemporaryDirectories.OWNER_LOCK)).exists();
    } finally {
      killed.destroyForcibly();
      alive.destroyForcibly();
    }
  }

  @Test
  void keepsADirectoryWithThePrefixThatHasNoOwnerLock() throws Exception {
    Path other = Files.createDirectories(temp.resolve(PREFIX + "someone-elses"));
    Files.writeString(other.resolve("data.txt"), "kept");

    assertThat(OwnedTemporaryDirectories.deleteAbandoned(temp, PREFIX)).isZero();
    assertThat(other.resolve("data.txt")).hasContent("kept");
  }

  @Test
  void keepsAnAbandonedDirectoryOfAnotherUser() throws Exception {
    Path other = Files.createDirectories(temp.resolve(PREFIX + "nobodys"));
    Files.writeString(other.resolve(OwnedTemporaryDirectories.OWNER_LOCK), "");
    try {
      Files.setOwner(other, temp.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));
    } catch (IOException | UnsupportedOperationException e) {
      Assumptions.assumeTrue(false, "cannot give a directory to user nobody here (not root): " + e);
    }

    assertThat(OwnedTemporaryDirectories.deleteAbandoned(temp, PREFIX)).isZero();
    assertThat(other.resolve(OwnedTemporaryDirectories.OWNER_LOCK)).exists();
  }

  @Test
  void keepsItsOwnDirectoryAndLetsGoOfItWhenDeleted() throws Exception {
    String tmpdir = System.getProperty("java.io.tmpdir");
    System.setProperty("java.io.tmpdir", temp.toString());
    try {
      Path own = OwnedTemporaryDirectories.create(PREFIX);

      assertThat(OwnedTemporaryDirectories.deleteAbandoned(temp, PREFIX)).isZero();
      assertThat(own).isDirectory();

      OwnedTemporaryDirectories.delete(own);
      assertThat(own).doesNotExist();
    } finally {
      System.setProperty("java.io.tmpdir", tmpdir);
    }
  }

  private Process start() throws Exception {
    List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Djava.io.tmpdir=" + temp, "-cp", System.getProperty("java.class.path"),
        OwnedTemporaryDirectoriesTest.class.getName());
    return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
  }

  private static String firstLine(Process process) throws Exception {
    BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line = reader.readLine();
    assertThat(line).as("the child printed its directory").isNotNull();
    return line;
  }
}
