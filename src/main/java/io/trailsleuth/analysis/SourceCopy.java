package io.trailsleuth.analysis;

import static java.util.Objects.requireNonNull;

/**
 * Which copy of a source file a citation means: two input roots may hold different files at one relative path.
 *
 * @param inputRoot the input root the file was read under, as given on the command line; "" when the store's manifest
 *     does not list the file
 * @param sourceFile the file's path relative to its input root
 * @param sourceSha256 the SHA-256 of the file as read
 * @param pathAmbiguous true when another input root holds a file read at the same relative path, so that the path
 *     alone does not say which file is meant
 */
public record SourceCopy(String inputRoot, String sourceFile, String sourceSha256, boolean pathAmbiguous) {
  public SourceCopy {
    requireNonNull(inputRoot, "inputRoot is null");
    requireNonNull(sourceFile, "sourceFile is null");
    requireNonNull(sourceSha256, "sourceSha256 is null");
  }
}
