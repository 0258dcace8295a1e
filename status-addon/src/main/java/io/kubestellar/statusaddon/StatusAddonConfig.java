/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.statusaddon;

import io.kubestellar.runtime.ConfigChecks;
import io.kubestellar.runtime.ConfigSettings;
import io.kubestellar.runtime.SpaceOptions;
import java.time.Duration;
import java.util.Map;

/**
 * Validated configuration of the status add-on agent.
 *
 * @param clusterName the WEC's inventory name: its ManagedCluster and ITS namespace
 * @param wec how to reach the WEC the agent runs for
 * @param its how to reach the ITS
 * @param workers objects reconciled in parallel
 * @param coalesceDelay how long a changed object waits for further changes before it is handled
 *     (D7)
 * @param itsWriteQps sustained WorkStatus writes per second; 0 for no limit
 * @param itsWriteBurst writes allowed at once above the sustained rate
 * @param resyncPeriod how often every object is compared again from the caches; zero for never
 * @param retryMaxDelay longest backoff between retries of a failing object
 * @param cacheSyncTimeout how long startup waits for the first listing of each space
 * @param driftRepair whether drifted objects are repaired (the work agent asked to re-apply) or
 *     only reported (D16)
 * @param driftRepairDelay from first seeing a drift to the first repair request
 */
public record StatusAddonConfig(
    String clusterName,
    SpaceOptions wec,
    SpaceOptions its,
    int workers,
    Duration coalesceDelay,
    double itsWriteQps,
    int itsWriteBurst,
    Duration resyncPeriod,
    Duration retryMaxDelay,
    Duration cacheSyncTimeout,
    boolean driftRepair,
    Duration driftRepairDelay) {

  /** A longer first repair delay would wait beyond the work agent's own resync. */
  static final Duration MAX_DRIFT_REPAIR_DELAY = Duration.ofMinutes(5);

  /** Coalescing delays above this would make status return slow (D7: short and bounded). */
  static final Duration MAX_COALESCE_DELAY = Duration.ofSeconds(1);

  public StatusAddonConfig {
    ConfigChecks.dnsLabel("--cluster-name", clusterName, "the WEC's ManagedCluster name");
    if (workers < 1 || workers > 64) {
      throw new IllegalArgumentException("--workers must be within 1..64; got " + workers);
    }
    if (coalesceDelay.isNegative() || coalesceDelay.compareTo(MAX_COALESCE_DELAY) > 0) {
      throw new IllegalArgumentException(
          "--coalesce-delay must be within PT0S..PT1S; got " + coalesceDelay);
    }
    if (itsWriteQps < 0 || Double.isNaN(itsWriteQps)) {
      throw new IllegalArgumentException(
          "--its-write-qps must be 0 (no limit) or positive; got " + itsWriteQps);
    }
    ConfigChecks.atLeast("--its-write-burst", itsWriteBurst, 1);
    if (resyncPeriod.isNegative()) {
      throw new IllegalArgumentException("--resync-period must not be negative");
    }
    if (!resyncPeriod.isZero() && resyncPeriod.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException("--resync-period must be PT0S (off) or at least PT1S");
    }
    if (retryMaxDelay.compareTo(Duration.ofMillis(10)) < 0) {
      throw new IllegalArgumentException("--retry-max-delay must be at least PT0.01S");
    }
    if (cacheSyncTimeout.isNegative() || cacheSyncTimeout.isZero()) {
      throw new IllegalArgumentException("--cache-sync-timeout must be positive");
    }
    if (driftRepairDelay == null
        || driftRepairDelay.isNegative()
        || driftRepairDelay.compareTo(MAX_DRIFT_REPAIR_DELAY) > 0) {
      throw new IllegalArgumentException(
          "--drift-repair-delay must be within 0s..5m; got " + driftRepairDelay);
    }
  }

  /** The settings logged at startup (no secrets). */
  public Map<String, Object> describe() {
    return ConfigSettings.of(this);
  }
}
