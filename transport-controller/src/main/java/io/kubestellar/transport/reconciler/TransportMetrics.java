/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.transport.reconciler;

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
  private final MeterRegistry registry;

  public TransportMetrics(MeterRegistry registry) {
    this.registry = registry;
    created = writes(registry, "create");
    updated = writes(registry, "update");
    deleted = writes(registry, "delete");
    writeFailures =
        Counter.builder("kubestellar.transport.manifestwork.write.failures")
            .description("ManifestWork writes or deletes the ITS refused")
            .register(registry);
    statusWrites =
        Counter.builder("kubestellar.transport.binding.status.writes")
            .description("Binding status and finalizer writes")
            .register(registry);
    bindingSyncs =
        Timer.builder("kubestellar.transport.binding.sync")
            .description("Time to sync one Binding")
            .register(registry);
  }

  private static Counter writes(MeterRegistry registry, String operation) {
    return Counter.builder("kubestellar.transport.manifestwork.writes")
        .description("ManifestWork writes to the ITS, by operation")
        .tag("operation", operation)
        .register(registry);
  }

  /** Registers a gauge read on scrape. */
  public void gauge(String name, String description, Supplier<Number> value) {
    io.micrometer.core.instrument.Gauge.builder(name, value)
        .description(description)
        .register(registry);
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
