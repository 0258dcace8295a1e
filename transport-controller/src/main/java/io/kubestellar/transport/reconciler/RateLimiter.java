/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.transport.reconciler;

/**
 * A token bucket bounding the write rate to one space ({@code --its-qps}/{@code --its-burst},
 * {@code --wds-qps}/{@code --wds-burst}); callers block until a token is free (D7).
 */
public final class RateLimiter {

  private final double perNano;
  private final double burst;
  private double tokens;
  private long last;

  /**
   * @param qps sustained requests per second
   * @param burst requests allowed at once after a quiet period
   */
  public RateLimiter(double qps, int burst) {
    if (qps <= 0 || burst < 1) {
      throw new IllegalArgumentException("qps must be positive and burst at least 1");
    }
    this.perNano = qps / 1e9;
    this.burst = burst;
    this.tokens = burst;
    this.last = System.nanoTime();
  }

  /** Takes one token, waiting as long as needed. */
  public void acquire() {
    long waitNanos;
    synchronized (this) {
      long now = System.nanoTime();
      tokens = Math.min(burst, tokens + (now - last) * perNano);
      last = now;
      tokens -= 1;
      waitNanos = tokens >= 0 ? 0 : (long) (-tokens / perNano);
    }
    if (waitNanos > 0) {
      try {
        Thread.sleep(waitNanos / 1_000_000, (int) (waitNanos % 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
