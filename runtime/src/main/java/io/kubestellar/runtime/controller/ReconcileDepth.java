/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.runtime.controller;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import io.javaoperatorsdk.operator.api.reconciler.Constants;
import io.javaoperatorsdk.operator.processing.event.Event;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts the primaries with an event not yet reconciled, or in a reconcile: the queue depth that
 * JOSDK does not export. A primary is counted from its first event until a reconcile that started
 * after that event has finished without a retry pending, or its deletion was cleaned up.
 */
final class ReconcileDepth implements Metrics {

  private final Set<Key> waiting = ConcurrentHashMap.newKeySet();
  private final Map<Key, Integer> running = new ConcurrentHashMap<>();

  private record Key(Object controller, ResourceID id) {}

  void register(MeterRegistry registry) {
    Gauge.builder("kubestellar.controller.queue.depth", this, ReconcileDepth::depth)
        .description("Primaries waiting for or in a reconcile")
        .register(registry);
  }

  int depth() {
    var all = new java.util.HashSet<>(waiting);
    all.addAll(running.keySet());
    return all.size();
  }

  @Override
  public void receivedEvent(Event event, Map<String, Object> metadata) {
    waiting.add(
        new Key(metadata.get(Constants.CONTROLLER_NAME), event.getRelatedCustomResourceID()));
  }

  @Override
  public void reconciliationExecutionStarted(HasMetadata resource, Map<String, Object> metadata) {
    var key = new Key(metadata.get(Constants.CONTROLLER_NAME), ResourceID.fromResource(resource));
    running.merge(key, 1, Integer::sum);
    waiting.remove(key);
  }

  @Override
  public void reconciliationExecutionFinished(HasMetadata resource, Map<String, Object> metadata) {
    var key = new Key(metadata.get(Constants.CONTROLLER_NAME), ResourceID.fromResource(resource));
    running.computeIfPresent(key, (k, n) -> n <= 1 ? null : n - 1);
  }

  /** A failed reconcile waits for its retry: still queued. */
  @Override
  public void failedReconciliation(
      HasMetadata resource, Exception exception, Map<String, Object> metadata) {
    waiting.add(
        new Key(metadata.get(Constants.CONTROLLER_NAME), ResourceID.fromResource(resource)));
  }

  @Override
  public void cleanupDoneFor(ResourceID resourceID, Map<String, Object> metadata) {
    waiting.remove(new Key(metadata.get(Constants.CONTROLLER_NAME), resourceID));
  }
}
