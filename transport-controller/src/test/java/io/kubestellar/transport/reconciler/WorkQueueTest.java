/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.transport.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WorkQueueTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  @Test
  void aBurstOfEnqueuesBecomesOneRun() {
    var runs = new AtomicInteger();
    try (var queue =
        new WorkQueue<String>(
            "t",
            Duration.ofMillis(100),
            Duration.ofMillis(10),
            Duration.ofSeconds(1),
            2,
            key -> {
              runs.incrementAndGet();
              return WorkQueue.DONE;
            })) {
      queue.start();
      for (int i = 0; i < 50; i++) {
        queue.enqueue("a");
      }
      await().atMost(TIMEOUT).until(() -> runs.get() == 1 && queue.depth() == 0);
      assertThat(runs.get()).isEqualTo(1);
    }
  }

  @Test
  void anEnqueueDuringARunRunsTheKeyOnceMoreAndNeverConcurrently() throws Exception {
    var running = new ConcurrentHashMap<String, Boolean>();
    var overlaps = new AtomicInteger();
    var runs = new AtomicInteger();
    var inFirstRun = new CountDownLatch(1);
    var release = new CountDownLatch(1);
    try (var queue =
        new WorkQueue<String>(
            "t",
            Duration.ZERO,
            Duration.ofMillis(10),
            Duration.ofSeconds(1),
            4,
            key -> {
              if (running.putIfAbsent(key, true) != null) {
                overlaps.incrementAndGet();
              }
              if (runs.incrementAndGet() == 1) {
                inFirstRun.countDown();
                try {
                  release.await();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              }
              running.remove(key);
              return WorkQueue.DONE;
            })) {
      queue.start();
      queue.enqueue("a");
      inFirstRun.await();
      queue.enqueue("a");
      queue.enqueue("a");
      release.countDown();
      await().atMost(TIMEOUT).until(() -> runs.get() == 2 && queue.depth() == 0);
      assertThat(overlaps.get()).isZero();
    }
  }

  @Test
  void aFailingKeyIsRetriedWithGrowingDelays() {
    var times = new CopyOnWriteArrayList<Long>();
    try (var queue =
        new WorkQueue<String>(
            "t",
            Duration.ZERO,
            Duration.ofMillis(20),
            Duration.ofSeconds(1),
            1,
            key -> {
              times.add(System.nanoTime());
              return times.size() < 4 ? WorkQueue.FAILED : WorkQueue.DONE;
            })) {
      queue.start();
      queue.enqueue("a");
      await().atMost(TIMEOUT).until(() -> times.size() == 4);
      var gaps =
          List.of(
              times.get(1) - times.get(0),
              times.get(2) - times.get(1),
              times.get(3) - times.get(2));
      assertThat(gaps.get(0)).isGreaterThanOrEqualTo(Duration.ofMillis(20).toNanos());
      assertThat(gaps.get(2)).isGreaterThanOrEqualTo(Duration.ofMillis(80).toNanos());
    }
  }
}
