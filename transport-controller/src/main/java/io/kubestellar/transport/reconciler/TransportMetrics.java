/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.transport.reconciler;

import io.kubestellar.runtime.Meters;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.function.Supplier;

/** The transport's meters; no per-object tags, so cardinality stays fixed. */
public final class TransportMetrics {

  private final Counter created;
  private final Counter updated;
  private final Counter deleted;
  private final Counter writeFailures;
  private final Counter statusWrites;
  private final Timer bindingSyncs;
  private final Meters meters;

  public TransportMetrics(MeterRegistry registry) {
    meters = new Meters(registry);
    created = writes("create");
    updated = writes("update");
    deleted = writes("delete");
    writeFailures =
        meters.counter(
            "kubestellar.transport.manifestwork.write.failures",
            "ManifestWork writes or deletes the ITS refused");
    statusWrites =
        meters.counter(
            "kubestellar.transport.binding.status.writes", "Binding status and finalizer writes");
    bindingSyncs = meters.timer("kubestellar.transport.binding.sync", "Time to sync one Binding");
  }

  private Counter writes(String operation) {
    return meters.counter(
        "kubestellar.transport.manifestwork.writes",
        "ManifestWork writes to the ITS, by operation",
        "operation",
        operation);
  }

  /** Registers a gauge read on scrape. */
  public void gauge(String name, String description, Supplier<Number> value) {
    meters.gauge(name, description, value);
  }

  public void created() {
    created.increment();
  }

  public void updated() {
    updated.increment();
  }

  public void deleted() {
    deleted.increment();
  }

  public void writeFailed() {
    writeFailures.increment();
  }

  public void statusWritten() {
    statusWrites.increment();
  }

  public Timer bindingSyncs() {
    return bindingSyncs;
  }

  /** ManifestWork creates, updates and deletes so far. */
  public double workWrites() {
    return created.count() + updated.count() + deleted.count();
  }
}
