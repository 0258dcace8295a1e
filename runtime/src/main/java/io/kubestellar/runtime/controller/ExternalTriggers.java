/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.runtime.controller;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.health.Status;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.inbound.SimpleInboundEventSource;
import java.util.function.BooleanSupplier;

/**
 * A JOSDK event source for changes seen outside JOSDK's informers (for example the workload objects
 * of kinds found at run time): callers {@link #trigger} the primaries to reconcile. Its start runs
 * {@code start} and returns once {@code synced} holds, so that, like JOSDK's own informers, no
 * reconcile runs before these caches are complete (D14).
 */
public final class ExternalTriggers<P extends HasMetadata> extends SimpleInboundEventSource<P> {

  private final Runnable start;
  private final BooleanSupplier synced;
  private final BooleanSupplier healthy;

  /**
   * @param name the event source's name, shown in health reports
   * @param start starts the caches behind this source; returns at once
   * @param synced whether those caches have synced
   * @param healthy false once a cache stopped for good
   */
  public ExternalTriggers(
      String name, Runnable start, BooleanSupplier synced, BooleanSupplier healthy) {
    super(name);
    this.start = start;
    this.synced = synced;
    this.healthy = healthy;
  }

  @Override
  public void start() {
    start.run();
    while (!synced.getAsBoolean()) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for caches to sync", e);
      }
    }
    super.start();
  }

  /** Asks for a reconcile of the cluster-scoped primary of that name. */
  public void trigger(String name) {
    propagateEvent(new ResourceID(name));
  }

  /** Asks for a reconcile of that primary. */
  public void trigger(ResourceID primary) {
    propagateEvent(primary);
  }

  @Override
  public Status getStatus() {
    return healthy.getAsBoolean() ? Status.HEALTHY : Status.UNHEALTHY;
  }
}
