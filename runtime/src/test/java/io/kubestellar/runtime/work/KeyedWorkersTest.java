/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.runtime.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class KeyedWorkersTest {

  @Test
  void aBurstOfEnqueuesBecomesOneRun() {
    var runs = new CopyOnWriteArrayList<String>();
    try (var queue =
        new KeyedWorkers<String>(
            "t",
            Duration.ofMillis(50),
            Duration.ofMillis(1),
            Duration.ofMillis(10),
            k -> {
              runs.add(k);
              return Outcome.DONE;
            })) {
      queue.start(2);
      for (int i = 0; i < 100; i++) {
        queue.enqueue("a");
      }
      queue.enqueue("b");
      await().atMost(Duration.ofSeconds(5)).until(() -> runs.size() == 2);
      await().pollDelay(Duration.ofMillis(200)).atMost(Duration.ofSeconds(1)).until(() -> true);
      assertThat(runs).containsExactlyInAnyOrder("a", "b");
    }
  }

  @Test
  void aFailingKeyIsRetriedUntilItSucceeds() {
    var attempts = new AtomicInteger();
    try (var queue =
        new KeyedWorkers<String>(
            "t",
            Duration.ZERO,
            Duration.ofMillis(1),
            Duration.ofMillis(20),
            k -> {
              if (attempts.incrementAndGet() < 4) {
                throw new IllegalStateException("not yet");
              }
              return Outcome.DONE;
            })) {
      queue.start(1);
      queue.enqueue("a");
      await().atMost(Duration.ofSeconds(5)).until(() -> attempts.get() == 4);
      await().atMost(Duration.ofSeconds(1)).until(() -> queue.depth() == 0);
    }
  }

  @Test
  void anEnqueueDuringARunRunsTheKeyOnceMoreAfterwards() {
    var runs = new AtomicInteger();
    var order = new CopyOnWriteArrayList<Integer>();
    KeyedWorkers<String>[] holder = new KeyedWorkers[1];
    try (var queue =
        new KeyedWorkers<String>(
            "t",
            Duration.ZERO,
            Duration.ofMillis(1),
            Duration.ofMillis(10),
            k -> {
              int n = runs.incrementAndGet();
              order.add(n);
              if (n == 1) {
                holder[0].enqueue(k);
                holder[0].enqueue(k);
              }
              return Outcome.DONE;
            })) {
      holder[0] = queue;
      queue.start(2);
      queue.enqueue("a");
      await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() == 2);
      await().pollDelay(Duration.ofMillis(100)).atMost(Duration.ofSeconds(1)).until(() -> true);
      assertThat(order).isEqualTo(List.of(1, 2));
    }
  }
}
