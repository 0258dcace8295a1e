/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

  @Test
  void aBurstPassesThenWritesAreSpacedAtTheRate() {
    var now = new AtomicLong();
    var limiter = new TokenBucket(10, 2, now::get);
    assertThat(limiter.reserve()).isZero();
    assertThat(limiter.reserve()).isZero();
    assertThat(limiter.reserve()).isEqualTo(100_000_000L);
    now.addAndGet(1_000_000_000L);
    assertThat(limiter.reserve()).isZero();
  }

  @Test
  void zeroMeansNoLimit() {
    var limiter = new TokenBucket(0, 1, () -> 0L);
    for (int i = 0; i < 1000; i++) {
      assertThat(limiter.reserve()).isZero();
    }
  }

  @Test
  void anInterruptedWaitThrowsInsteadOfWriting() {
    var limiter = new TokenBucket(0.001, 1);
    assertThat(limiter.reserve()).isZero();
    Thread.currentThread().interrupt();
    org.assertj.core.api.Assertions.assertThatThrownBy(limiter::acquire)
        .isInstanceOf(InterruptedException.class);
  }
}
