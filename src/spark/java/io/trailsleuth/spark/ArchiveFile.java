package io.trailsleuth.spark;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;

/**
 * One input file found on a Hadoop filesystem, as the driver lists it and an executor opens it.
 *
 * @param inputRoot the root as the user named it
 * @param location the file's fully qualified Hadoop path ({@code file:/…}, {@code s3a://…}, {@code hdfs://…})
 * @param relativePath the path relative to the root, with '/' separators
 * @param sizeBytes the size the listing reported
 */
public record ArchiveFile(String inputRoot, String location, String relativePath, long sizeBytes) implements Serializable {
  private static final long serialVersionUID = 1L;

  public ArchiveFile {
    requireNonNull(inputRoot, "inputRoot is null");
    requireNonNull(location, "location is null");
    requireNonNull(relativePath, "relativePath is null");
  }
}
