/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.runtime;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A token bucket bounding a component's writes to one space (D7: a configurable client-side limit,
 * such as {@code --its-qps}/{@code --its-burst}). A rate of zero or less means no limit. The one
 * write limiter of every binary: fabric8 has none, and JOSDK's rate limiter bounds how often one
 * resource is reconciled, not how many requests a process sends.
 */
public final class TokenBucket {

  private final double perSecond;
  private final double burst;
  private final LongSupplier nanoTime;
  private double tokens;
  private long last;

  /**
   * @param perSecond sustained writes per second; 0 or less for no limit
   * @param burst writes allowed at once after an idle period
   */
  public TokenBucket(double perSecond, int burst) {
    this(perSecond, burst, System::nanoTime);
  }

  TokenBucket(double perSecond, int burst, LongSupplier nanoTime) {
    this.perSecond = perSecond;
    this.burst = Math.max(1, burst);
    this.nanoTime = nanoTime;
    this.tokens = this.burst;
    this.last = nanoTime.getAsLong();
  }

  /**
   * Takes one token, waiting until one is available.
   *
   * @throws InterruptedException when the thread is interrupted while waiting: the caller is being
   *     stopped and should not write
   */
  public void acquire() throws InterruptedException {
    long wait = reserve();
    if (wait > 0) {
      TimeUnit.NANOSECONDS.sleep(wait);
    }
  }

  /** Takes a token now, possibly into debt; returns how long the caller must wait (ns). */
  synchronized long reserve() {
    if (perSecond <= 0) {
      return 0;
    }
    long now = nanoTime.getAsLong();
    tokens = Math.min(burst, tokens + (now - last) * perSecond / 1e9);
    last = now;
    tokens -= 1;
    if (tokens >= 0) {
      return 0;
    }
    return (long) Math.ceil(-tokens * 1e9 / perSecond);
  }
}
