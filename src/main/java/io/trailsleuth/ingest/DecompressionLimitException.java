package io.trailsleuth.ingest;

import java.io.IOException;

/** Raised when a file inflates past the per-file limit: a decompression bomb or a wrong setting. */
public final class DecompressionLimitException extends IOException {
  private static final long serialVersionUID = 1L;

  public DecompressionLimitException(long limit) {
    super("decompressed size exceeds the limit of " + limit + " bytes (raise it with --max-decompressed-bytes if the file is genuine)");
  }
}
