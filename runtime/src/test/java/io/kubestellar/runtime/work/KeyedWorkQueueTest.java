/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.runtime.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class KeyedWorkQueueTest {

  private final AtomicLong now = new AtomicLong(1_000_000_000L);

  private KeyedWorkQueue<String> queue(Duration delay) {
    return new KeyedWorkQueue<>(delay, Duration.ofMillis(10), Duration.ofSeconds(1), now::get);
  }

  @Test
  void aBurstOfChangesIsHandledOnceWithTheFirstChangeTime() throws Exception {
    var queue = queue(Duration.ZERO);
    long first = now.get();
    queue.add("a");
    now.addAndGet(5);
    queue.add("a");
    queue.add("a");
    assertThat(queue.depth()).isEqualTo(1);
    var item = queue.take();
    assertThat(item.key()).isEqualTo("a");
    assertThat(item.firstSeenNanos()).isEqualTo(first);
    queue.done("a");
    assertThat(queue.depth()).isZero();
  }

  @Test
  void aKeyChangedWhileBeingWorkedOnComesBackAfterwardsNotConcurrently() throws Exception {
    var queue = queue(Duration.ZERO);
    queue.add("a");
    var item = queue.take();
    queue.add("a");
    queue.add("b");
    assertThat(queue.take().key()).as("a is busy, so b comes first").isEqualTo("b");
    queue.done("b");
    assertThat(queue.depth()).isEqualTo(1);
    queue.done(item.key());
    assertThat(queue.take().key()).isEqualTo("a");
  }

  @Test
  void failuresBackOffExponentiallyUpToTheMaximum() {
    var queue = queue(Duration.ZERO);
    assertThat(queue.backoffNanos(1)).isEqualTo(Duration.ofMillis(10).toNanos());
    assertThat(queue.backoffNanos(2)).isEqualTo(Duration.ofMillis(20).toNanos());
    assertThat(queue.backoffNanos(4)).isEqualTo(Duration.ofMillis(80).toNanos());
    assertThat(queue.backoffNanos(40)).isEqualTo(Duration.ofSeconds(1).toNanos());
  }

  @Test
  void aFailedKeyIsRetriedAndItsFailureCountResetsOnSuccess() throws Exception {
    var queue = new KeyedWorkQueue<String>(Duration.ZERO, Duration.ZERO, Duration.ZERO);
    queue.add("a");
    queue.take();
    queue.retry("a");
    assertThat(queue.failures("a")).isEqualTo(1);
    assertThat(queue.take().key()).isEqualTo("a");
    queue.done("a");
    assertThat(queue.failures("a")).isZero();
  }

  @Test
  void keysWaitForTheCoalescingDelay() throws Exception {
    var queue = new KeyedWorkQueue<String>(Duration.ofMillis(200), Duration.ZERO, Duration.ZERO);
    long start = System.nanoTime();
    queue.add("a");
    queue.take();
    assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(Duration.ofMillis(190).toNanos());
  }

  @Test
  void shutDownReleasesEveryWaitingWorker() throws Exception {
    var queue = new KeyedWorkQueue<String>(Duration.ZERO, Duration.ZERO, Duration.ZERO);
    var pool = Executors.newFixedThreadPool(3);
    var results = new java.util.concurrent.CopyOnWriteArrayList<Object>();
    for (int i = 0; i < 3; i++) {
      pool.execute(
          () -> {
            try {
              results.add(String.valueOf(queue.take()));
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          });
    }
    queue.shutDown();
    pool.shutdown();
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    assertThat(results).containsExactly("null", "null", "null");
  }
}
