/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.reconciler.status;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** The status controller's meters. No per-object tags: cardinality stays fixed. */
final class StatusMetrics {

  static final String PREFIX = "kubestellar.status.";

  private final MeterRegistry registry;
  private final Timer reconcile;
  private final Timer reportToWds;
  private final Map<String, Counter> writes = new ConcurrentHashMap<>();
  private final Counter unexpectedReports;

  StatusMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.reconcile =
        Timer.builder(PREFIX + "reconcile")
            .description("Time to reconcile one workload object or StatusCollector")
            .publishPercentileHistogram()
            .register(registry);
    this.reportToWds =
        Timer.builder(PREFIX + "report.latency")
            .description(
                "From a WorkStatus change seen in the ITS to the WDS object status or"
                    + " CombinedStatus written")
            .publishPercentileHistogram()
            .publishPercentiles(0.5, 0.99)
            .minimumExpectedValue(Duration.ofMillis(1))
            .maximumExpectedValue(Duration.ofSeconds(60))
            .register(registry);
    this.unexpectedReports =
        Counter.builder(PREFIX + "unexpected.workstatuses")
            .description(
                "WorkStatuses found reporting on an object from a WEC no Binding sends it to"
                    + " (ignored; each reported once as a Warning Event)")
            .register(registry);
  }

  void unexpectedReport() {
    unexpectedReports.increment();
  }

  void gauge(String name, String description, Supplier<Number> value) {
    Gauge.builder(PREFIX + name, value).description(description).register(registry);
  }

  void reconciled(long nanos) {
    reconcile.record(Duration.ofNanos(nanos));
  }

  void reportReachedWds(long nanos) {
    reportToWds.record(Duration.ofNanos(nanos));
  }

  /** Counts one write; {@code target} is one of a few fixed words (status, labels, …). */
  void write(String target) {
    writes
        .computeIfAbsent(
            target,
            t ->
                Counter.builder(PREFIX + "writes")
                    .description("Writes to the WDS by the status controller")
                    .tag("target", t)
                    .register(registry))
        .increment();
  }

  Timer reportLatency() {
    return reportToWds;
  }
}
