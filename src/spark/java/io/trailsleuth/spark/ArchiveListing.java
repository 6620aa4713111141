package io.trailsleuth.spark;

import io.trailsleuth.ingest.FileScope;
import io.trailsleuth.ingest.WalkProblem;
import io.trailsleuth.pipeline.IngestPipeline;
import io.trailsleuth.store.SourceEntry;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * The driver's listing of the input archive on any Hadoop filesystem, as {@code SourceWalker} walks a local one:
 * directories recursively, files as named, sorted by root and relative path. The scope prunes by key before any file
 * is opened; left-out files become manifest rows with status {@code out-of-scope}.
 *
 * @param files the files to read, in (root, relative path) order
 * @param problems named paths that could not be listed
 * @param outOfScope manifest rows of the files the scope left out
 */
public record ArchiveListing(List<ArchiveFile> files, List<WalkProblem> problems, List<SourceEntry> outOfScope) {
  public ArchiveListing {
    files = List.copyOf(files);
    problems = List.copyOf(problems);
    outOfScope = List.copyOf(outOfScope);
  }

  /** Lists every named path. */
  public static ArchiveListing list(List<String> paths, FileScope scope, Configuration configuration) {
    List<ArchiveFile> files = new ArrayList<>();
    List<WalkProblem> problems = new ArrayList<>();
    List<SourceEntry> outOfScope = new ArrayList<>();
    for (String named : paths) {
      try {
        Path root = new Path(named);
        FileSystem fileSystem = root.getFileSystem(configuration);
        FileStatus status = fileSystem.getFileStatus(root);
        Path qualifiedRoot = status.getPath();
        if (!status.isDirectory()) {
          files.add(new ArchiveFile(named, qualifiedRoot.toString(), qualifiedRoot.getName(), status.getLen()));
          continue;
        }
        String prefix = qualifiedRoot.toUri().getPath().replaceAll("/+$", "") + "/";
        RemoteIterator<LocatedFileStatus> listing = fileSystem.listFiles(qualifiedRoot, true);
        while (listing.hasNext()) {
          LocatedFileStatus file = listing.next();
          String path = file.getPath().toUri().getPath();
          String relative = path.startsWith(prefix) ? path.substring(prefix.length()) : file.getPath().getName();
          files.add(new ArchiveFile(named, file.getPath().toString(), relative, file.getLen()));
        }
      } catch (FileNotFoundException e) {
        problems.add(new WalkProblem(named, "", "not-found", "no such file or directory: " + named));
      } catch (IOException | IllegalArgumentException e) {
        problems.add(new WalkProblem(named, "", "unreadable", "cannot list " + named + ": " + e.getMessage()));
      }
    }
    files.sort(Comparator.comparing(ArchiveFile::inputRoot).thenComparing(ArchiveFile::relativePath));
    problems.sort(Comparator.comparing(WalkProblem::inputRoot).thenComparing(WalkProblem::relativePath));
    List<ArchiveFile> inScope = new ArrayList<>();
    for (ArchiveFile file : files) {
      Optional<String> exclusion = scope.exclusion(file.relativePath());
      if (exclusion.isPresent()) {
        outOfScope.add(IngestPipeline.outOfScopeEntry(file.inputRoot(), file.relativePath(), file.sizeBytes(),
            exclusion.get()));
      } else {
        inScope.add(file);
      }
    }
    return new ArchiveListing(inScope, problems, outOfScope);
  }

  /**
   * The files grouped by relative path, in listing order: copies of one file under two roots are read by one task in
   * that order, so the first copy is the one stored and the other is recognised by its SHA-256, as in {@code ingest}.
   */
  public List<List<ArchiveFile>> unitsByRelativePath() {
    Map<String, List<ArchiveFile>> byPath = new LinkedHashMap<>();
    for (ArchiveFile file : files) {
      byPath.computeIfAbsent(file.relativePath(), p -> new ArrayList<>()).add(file);
    }
    return byPath.values().stream().map(List::copyOf).toList();
  }

  /** Bytes to read. */
  public long totalBytes() {
    return files.stream().mapToLong(ArchiveFile::sizeBytes).sum();
  }
}
