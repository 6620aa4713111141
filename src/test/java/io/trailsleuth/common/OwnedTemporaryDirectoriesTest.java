package io.trailsleuth.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
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

  /**
   * In a child JVM: with no argument, makes an owned directory in the JVM's temporary directory, prints its path and
   * waits to be killed; with "sweep", sweeps that directory and prints how many it deleted.
   */
  public static void main(String[] args) throws Exception {
    Path parent = Path.of(System.getProperty("java.io.tmpdir"));
    if (args.length > 0 && args[0].equals("sweep")) {
      System.out.println(OwnedTemporaryDirectories.deleteAbandoned(parent, PREFIX, owner(parent)));
      return;
    }
    Path directory = OwnedTemporaryDirectories.create(parent, PREFIX);
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

      int deleted = OwnedTemporaryDirectories.deleteAbandoned(temp, PREFIX, owner(temp));

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
  void aProcessThatMakesTwoDirectoriesKeepsHoldingTheFirst() throws Exception {
    Path first = OwnedTemporaryDirectories.create(temp, PREFIX);
    Path second = OwnedTemporaryDirectories.create(temp, PREFIX); // its sweep must not open the first's lock file
    try {
      assertThat(firstLine(start("sweep"))).isEqualTo("0");
      assertThat(first).isDirectory();
      assertThat(second).isDirectory();
    } finally {
      OwnedTemporaryDirectories.delete(first);
      OwnedTemporaryDirectories.delete(second);
    }
    assertThat(first).doesNotExist();
  }

  @Test
  void keepsDirectoriesWithoutAnOwnerLockOrOfAnotherUser() throws Exception {
    Path other = Files.createDirectories(temp.resolve(PREFIX + "someone-elses"));
    Files.writeString(other.resolve("data.txt"), "kept");
    Path unfinished = Files.createDirectories(temp.resolve(PREFIX + "unfinished"));
    Files.writeString(unfinished.resolve(OwnedTemporaryDirectories.OWNER_LOCK + ".new"), "");

    assertThat(OwnedTemporaryDirectories.deleteAbandoned(temp, PREFIX, owner(temp))).isZero();
    assertThat(other.resolve("data.txt")).hasContent("kept");
    assertThat(unfinished).isDirectory();

    Path nobodys = abandoned(temp.resolve(PREFIX + "nobodys"));
    try {
      Files.setOwner(nobodys, temp.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));
    } catch (IOException | UnsupportedOperationException e) {
      Assumptions.assumeTrue(false, "cannot give a directory to user nobody here (not root): " + e);
    }
    assertThat(OwnedTemporaryDirectories.deleteAbandoned(temp, PREFIX, owner(temp))).isZero();
    assertThat(nobodys.resolve(OwnedTemporaryDirectories.OWNER_LOCK)).exists();
  }

  @Test
  void sweepsNothingWhereOtherUsersCouldSwapEntriesButDoesInASharedStickyDirectory() throws Exception {
    Path shared = Files.createDirectories(temp.resolve("shared"));
    Path left = abandoned(shared.resolve(PREFIX + "left"));
    Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));

    assertThat(OwnedTemporaryDirectories.deleteAbandoned(shared, PREFIX, owner(shared))).isZero();
    assertThat(left).isDirectory();

    Files.setAttribute(shared, "unix:mode", 01777);
    assertThat(OwnedTemporaryDirectories.deleteAbandoned(shared, PREFIX, owner(shared))).isEqualTo(1);
    assertThat(left).doesNotExist();
    assertThat(temp.resolve("outside-" + left.getFileName())).hasContent("never deleted");
  }

  /** A directory as a dead owner leaves it: a lock file nobody holds, and a link that must not be followed. */
  private Path abandoned(Path directory) throws IOException {
    Files.createDirectories(directory);
    Files.writeString(directory.resolve(OwnedTemporaryDirectories.OWNER_LOCK), "");
    Path outside = Files.writeString(temp.resolve("outside-" + directory.getFileName()), "never deleted");
    Files.createSymbolicLink(directory.resolve("link"), outside);
    return directory;
  }

  private static UserPrincipal owner(Path path) throws IOException {
    return Files.getOwner(path, LinkOption.NOFOLLOW_LINKS);
  }

  private Process start(String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Djava.io.tmpdir=" + temp, "-cp",
        System.getProperty("java.class.path"), OwnedTemporaryDirectoriesTest.class.getName()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
  }

  private static String firstLine(Process process) throws Exception {
    BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line = reader.readLine();
    assertThat(line).as("the child printed a line").isNotNull();
    return line;
  }
}
