/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.reconciler.status;

import java.time.Duration;

/**
 * Tuning of the status controller.
 *
 * @param coalesceDelay how long an enqueued object waits so that a burst of changes becomes one
 *     reconcile (D7: short and bounded)
 * @param workers reconciles running in parallel (never two for one object)
 * @param minBackoff first retry delay after a failed reconcile
 * @param maxBackoff longest retry delay
 * @param crdPollInterval how often to look again for the WorkStatus kind in the ITS (and the
 *     KubeStellar kinds in the WDS) while they are not installed
 * @param leadOnStart write as soon as the caches have synced; false when the embedder calls {@link
 *     StatusController#lead()} on winning a leader election
 */
public record StatusControllerOptions(
    Duration coalesceDelay,
    int workers,
    Duration minBackoff,
    Duration maxBackoff,
    Duration crdPollInterval,
    boolean leadOnStart) {

  public StatusControllerOptions {
    if (coalesceDelay.isNegative() || coalesceDelay.compareTo(Duration.ofSeconds(5)) > 0) {
      throw new IllegalArgumentException(
          "status coalesce delay must be between 0 and 5s, got " + coalesceDelay);
    }
    if (workers < 1) {
      throw new IllegalArgumentException("status workers must be at least 1, got " + workers);
    }
    if (minBackoff.isNegative() || minBackoff.isZero() || maxBackoff.compareTo(minBackoff) < 0) {
      throw new IllegalArgumentException("status backoff must satisfy 0 < min <= max");
    }
  }

  /** 20 ms coalescing, 4 workers, backoff 5 ms to 5 min, CRD poll every 5 s, lead on start. */
  public static StatusControllerOptions defaults() {
    return new StatusControllerOptions(
        Duration.ofMillis(20),
        4,
        Duration.ofMillis(5),
        Duration.ofMinutes(5),
        Duration.ofSeconds(5),
        true);
  }

  public StatusControllerOptions withCoalesceDelay(Duration value) {
    return new StatusControllerOptions(
        value, workers, minBackoff, maxBackoff, crdPollInterval, leadOnStart);
  }

  public StatusControllerOptions withWorkers(int value) {
    return new StatusControllerOptions(
        coalesceDelay, value, minBackoff, maxBackoff, crdPollInterval, leadOnStart);
  }

  /** The same options, leading at start or waiting for {@link StatusController#lead()}. */
  public StatusControllerOptions withLeadOnStart(boolean value) {
    return new StatusControllerOptions(
        coalesceDelay, workers, minBackoff, maxBackoff, crdPollInterval, value);
  }
}
