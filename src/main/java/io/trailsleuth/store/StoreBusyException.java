package io.trailsleuth.store;

import java.io.IOException;

/** Another process holds the store's lock. */
public final class StoreBusyException extends IOException {
  private static final long serialVersionUID = 1L;

  public StoreBusyException(String message) {
    super(message);
  }
}
