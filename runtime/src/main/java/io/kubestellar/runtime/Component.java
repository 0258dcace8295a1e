/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.runtime;

/** The working part of a binary, started and stopped by {@link ComponentRunner}. */
public interface Component {

  /** Starts the work; returns once started. Throws with a message saying what to fix. */
  void start() throws Exception;

  /** Whether the component is ready to do its work (caches synced, leader or standby). */
  boolean isReady();

  /**
   * Whether the component still works (/healthz); false when it cannot recover by itself (e.g. an
   * informer stopped for good), so that Kubernetes restarts the process.
   */
  default boolean isHealthy() {
    return true;
  }

  /** Stops the work; must return within the shutdown timeout. */
  void stop();
}
