package io.trailsleuth.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

final class SharedWalkTest {
  @Test
  void handsTheIngestsWalkToAWaitingCheck() throws Exception {
    SharedWalk shared = new SharedWalk();
    CompletableFuture<SourceWalker.Walk> check = CompletableFuture.supplyAsync(() -> {
      try {
        return shared.await();
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });
    SourceWalker.Walk walk = new SourceWalker.Walk(List.of(SourceFile.standardInput()), List.of());

    shared.walked(walk);
    shared.ingestEnded();

    assertThat(check.get(10, TimeUnit.SECONDS)).isSameAs(walk);
    assertThat(shared.await()).isSameAs(walk);
  }

  @Test
  void tellsAWaitingCheckWhenTheIngestEndedWithoutAWalk() {
    SharedWalk shared = new SharedWalk();

    shared.ingestEnded();

    assertThatThrownBy(shared::await).isInstanceOf(IllegalStateException.class)
        .hasMessage("the ingest ended before it walked the inputs");
  }
}
