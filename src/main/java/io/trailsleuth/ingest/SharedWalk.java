package io.trailsleuth.ingest;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The walk of the inputs an ingest makes, handed to the digest check running beside it, so that the inputs are walked
 * once and each path is held once: with a walk of its own the check held every path a second time, and an
 * {@code investigate} of 575,000 files ran out of the launcher's heap while walking.
 */
public final class SharedWalk {
  private final CompletableFuture<SourceWalker.Walk> walk = new CompletableFuture<>();

  /** Hands over the ingest's walk of the inputs. */
  public void walked(SourceWalker.Walk result) {
    walk.complete(result);
  }

  /** Marks the ingest as ended, normally or not: a check still waiting learns that it walked nothing. */
  public void ingestEnded() {
    walk.completeExceptionally(new IllegalStateException("the ingest ended before it walked the inputs"));
  }

  /** Waits for the ingest's walk; throws when the ingest ended without one. */
  public SourceWalker.Walk await() throws InterruptedException {
    try {
      return walk.get();
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
    }
  }
}
