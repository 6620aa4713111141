package io.trailsleuth.spark;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * The local disk under the scheme {@code copyrename:}, with S3A's rename: a directory renamed into a {@code runs/}
 * directory is copied file by file, in path order, then deleted, so a reader can see it half there; and it can be told
 * to fail after copying N files ({@link #FAIL_AFTER_FILES}), as a job killed or cut off mid-publish does. Register it
 * with {@code fs.copyrename.impl} and {@code fs.copyrename.impl.disable.cache} (so each job reads its setting).
 */
public final class CopyingRenameFileSystem extends RawLocalFileSystem {
  static final String SCHEME = "copyrename";
  /** Setting: the number of files a rename into {@code runs/} copies before it throws; negative: never throws. */
  static final String FAIL_AFTER_FILES = "fs.copyrename.fail-after-files";
  private static final URI ROOT = URI.create(SCHEME + ":///");

  private int failAfterFiles = -1;

  @Override
  public void initialize(URI name, Configuration configuration) throws IOException {
    super.initialize(name, configuration);
    failAfterFiles = configuration.getInt(FAIL_AFTER_FILES, -1);
  }

  @Override
  public URI getUri() {
    return ROOT;
  }

  @Override
  public String getScheme() {
    return SCHEME;
  }

  // The local statuses load their owner and permissions lazily from a java.io.File of the path, which must be a file:
  // URI: hand out plain statuses instead.
  @Override
  public FileStatus getFileStatus(Path path) throws IOException {
    return plain(super.getFileStatus(path));
  }

  @Override
  public FileStatus getFileLinkStatus(Path path) throws IOException {
    return plain(super.getFileLinkStatus(path));
  }

  @Override
  public FileStatus[] listStatus(Path path) throws IOException {
    FileStatus[] statuses = super.listStatus(path);
    for (int i = 0; i < statuses.length; i++) {
      statuses[i] = plain(statuses[i]);
    }
    return statuses;
  }

  private static FileStatus plain(FileStatus status) {
    return new FileStatus(status.getLen(), status.isDirectory(), status.getReplication(), status.getBlockSize(),
        status.getModificationTime(), status.getAccessTime(), FsPermission.getDefault(), "", "", status.getPath());
  }

  @Override
  public boolean rename(Path source, Path target) throws IOException {
    if (!exists(source) || !getFileStatus(source).isDirectory() || target.getParent() == null
        || !target.getParent().getName().equals("runs")) {
      return super.rename(source, target);
    }
    List<Path> files = new ArrayList<>();
    RemoteIterator<LocatedFileStatus> listing = listFiles(source, true);
    while (listing.hasNext()) {
      files.add(listing.next().getPath());
    }
    files.sort(null);
    String prefix = makeQualified(source).toUri().getPath() + "/";
    int copied = 0;
    for (Path file : files) {
      if (copied == failAfterFiles) {
        throw new IOException("simulated failure: the rename of " + source + " stopped after " + copied + " files");
      }
      Path copy = new Path(target, makeQualified(file).toUri().getPath().substring(prefix.length()));
      mkdirs(copy.getParent());
      try (InputStream in = open(file); OutputStream out = create(copy, false)) {
        in.transferTo(out);
      }
      copied++;
    }
    if (!delete(source, true)) {
      throw new FileNotFoundException("could not delete " + source + " after copying it");
    }
    return true;
  }
}
