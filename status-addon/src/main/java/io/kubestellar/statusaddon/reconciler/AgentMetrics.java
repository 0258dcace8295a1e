/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.statusaddon.reconciler;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The agent's meters (Prometheus names in {@code docs/status-addon.md}); no per-object tags, only
 * the kind of write.
 */
public final class AgentMetrics {

  /** The writes the agent makes to the ITS. */
  public enum Write {
    CREATE("create"),
    UPDATE("update"),
    UPDATE_STATUS("update_status"),
    DELETE("delete");

    private final String tag;

    Write(String tag) {
      this.tag = tag;
    }
  }

  private final Map<Write, Counter> writes = new EnumMap<>(Write.class);
  private final Map<Write, Counter> writeErrors = new EnumMap<>(Write.class);
  private final Counter reconciles;
  private final Counter reconcileErrors;
  private final Timer changeToWrite;
  private final Counter driftReports;
  private final Counter driftRepairRequests;
  private final Counter driftRepairRequestErrors;
  private final MeterRegistry registry;

  public AgentMetrics(
      MeterRegistry registry, Supplier<Number> queueDepth, Supplier<Number> watchedResources) {
    this.registry = registry;
    for (var write : Write.values()) {
      writes.put(
          write,
          Counter.builder("kubestellar.status.addon.workstatus.writes")
              .description("WorkStatus writes to the ITS that succeeded")
              .tag("operation", write.tag)
              .register(registry));
      writeErrors.put(
          write,
          Counter.builder("kubestellar.status.addon.workstatus.write.errors")
              .description("WorkStatus writes to the ITS that failed (retried with backoff)")
              .tag("operation", write.tag)
              .register(registry));
    }
    reconciles =
        Counter.builder("kubestellar.status.addon.reconciles")
            .description("Objects reconciled (most end without any write)")
            .register(registry);
    reconcileErrors =
        Counter.builder("kubestellar.status.addon.reconcile.errors")
            .description("Reconciles that failed and were retried")
            .register(registry);
    changeToWrite =
        Timer.builder("kubestellar.status.addon.change.to.write")
            .description(
                "From the first unhandled change the agent saw (WEC object, AppliedManifestWork,"
                    + " ManifestWork or WorkStatus) to the WorkStatus write that reflects it")
            .serviceLevelObjectives(
                Duration.ofMillis(5),
                Duration.ofMillis(10),
                Duration.ofMillis(25),
                Duration.ofMillis(50),
                Duration.ofMillis(100),
                Duration.ofMillis(250),
                Duration.ofMillis(500),
                Duration.ofSeconds(1),
                Duration.ofMillis(2500),
                Duration.ofSeconds(5),
                Duration.ofSeconds(10),
                Duration.ofSeconds(30),
                Duration.ofSeconds(60))
            .register(registry);
    io.micrometer.core.instrument.Gauge.builder(
            "kubestellar.status.addon.queue.depth", () -> queueDepth.get())
        .description("Objects waiting to be reconciled")
        .register(registry);
    io.micrometer.core.instrument.Gauge.builder(
            "kubestellar.status.addon.watched.resources", () -> watchedResources.get())
        .description("Resource types the agent watches in the WEC")
        .register(registry);
    driftReports =
        Counter.builder("kubestellar.status.addon.drift.reports")
            .description(
                "Drift episodes reported: a delivered object found to differ from its manifest")
            .register(registry);
    driftRepairRequests =
        Counter.builder("kubestellar.status.addon.drift.repair.requests")
            .description("Re-apply requests made to the work agent (AppliedManifestWork patches)")
            .register(registry);
    driftRepairRequestErrors =
        Counter.builder("kubestellar.status.addon.drift.repair.request.errors")
            .description("Re-apply requests the WEC refused (tried again after a backoff)")
            .register(registry);
  }

  /** Registers the gauge of objects whose drift is reported now. */
  public void driftedObjects(Supplier<Number> drifted) {
    io.micrometer.core.instrument.Gauge.builder(
            "kubestellar.status.addon.drifted.objects", () -> drifted.get())
        .description("Delivered objects whose WorkStatus reports drift now")
        .register(registry);
  }

  void driftReported() {
    driftReports.increment();
  }

  void driftRepairRequested() {
    driftRepairRequests.increment();
  }

  void driftRepairFailed() {
    driftRepairRequestErrors.increment();
  }

  void written(Write write) {
    writes.get(write).increment();
  }

  void writeFailed(Write write) {
    writeErrors.get(write).increment();
  }

  void reconciled() {
    reconciles.increment();
  }

  void reconcileFailed() {
    reconcileErrors.increment();
  }

  void changeWritten(long firstSeenNanos, long nowNanos) {
    changeToWrite.record(Math.max(0, nowNanos - firstSeenNanos), TimeUnit.NANOSECONDS);
  }
}
