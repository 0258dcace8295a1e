/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.statusaddon.reconciler;

import io.kubestellar.runtime.Meters;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
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
  private final Meters meters;
  private final LongSupplier nanoTime;

  /**
   * @param nanoTime the clock of the change-to-write latency, the one the work queue stamps changes
   *     with
   */
  public AgentMetrics(
      MeterRegistry registry,
      Supplier<Number> queueDepth,
      Supplier<Number> watchedResources,
      LongSupplier nanoTime) {
    meters = new Meters(registry);
    this.nanoTime = nanoTime;
    for (var write : Write.values()) {
      writes.put(
          write,
          meters.counter(
              "kubestellar.status.addon.workstatus.writes",
              "WorkStatus writes to the ITS that succeeded",
              "operation",
              write.tag));
      writeErrors.put(
          write,
          meters.counter(
              "kubestellar.status.addon.workstatus.write.errors",
              "WorkStatus writes to the ITS that failed (retried with backoff)",
              "operation",
              write.tag));
    }
    reconciles =
        meters.counter(
            "kubestellar.status.addon.reconciles",
            "Objects reconciled (most end without any write)");
    reconcileErrors =
        meters.counter(
            "kubestellar.status.addon.reconcile.errors", "Reconciles that failed and were retried");
    changeToWrite =
        meters.timer(
            "kubestellar.status.addon.change.to.write",
            "From the first unhandled change the agent saw (WEC object, AppliedManifestWork,"
                + " ManifestWork or WorkStatus) to the WorkStatus write that reflects it",
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
            Duration.ofSeconds(60));
    meters.gauge(
        "kubestellar.status.addon.queue.depth", "Objects waiting to be reconciled", queueDepth);
    meters.gauge(
        "kubestellar.status.addon.watched.resources",
        "Resource types the agent watches in the WEC",
        watchedResources);
    driftReports =
        meters.counter(
            "kubestellar.status.addon.drift.reports",
            "Drift episodes reported: a delivered object found to differ from its manifest");
    driftRepairRequests =
        meters.counter(
            "kubestellar.status.addon.drift.repair.requests",
            "Re-apply requests made to the work agent (AppliedManifestWork patches)");
    driftRepairRequestErrors =
        meters.counter(
            "kubestellar.status.addon.drift.repair.request.errors",
            "Re-apply requests the WEC refused (tried again after a backoff)");
  }

  /** Registers the gauge of objects whose drift is reported now. */
  public void driftedObjects(Supplier<Number> drifted) {
    meters.gauge(
        "kubestellar.status.addon.drifted.objects",
        "Delivered objects whose WorkStatus reports drift now",
        drifted);
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

  void changeWritten(long firstSeenNanos) {
    changeToWrite.record(Math.max(0, nanoTime.getAsLong() - firstSeenNanos), TimeUnit.NANOSECONDS);
  }
}
