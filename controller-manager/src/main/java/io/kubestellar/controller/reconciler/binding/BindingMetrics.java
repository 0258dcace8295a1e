/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.reconciler.binding;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.function.Supplier;

/** The binding controller's meters; no per-object or per-policy tags. */
final class BindingMetrics {

  private final MeterRegistry registry;
  private final Timer reconcileOk;
  private final Timer reconcileFailed;

  BindingMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.reconcileOk =
        Timer.builder("kubestellar_binding_reconcile")
            .description("Time to resolve one BindingPolicy and write what differs")
            .tag("result", "success")
            .publishPercentiles(0.5, 0.99)
            .register(registry);
    this.reconcileFailed =
        Timer.builder("kubestellar_binding_reconcile")
            .description("Time to resolve one BindingPolicy and write what differs")
            .tag("result", "error")
            .register(registry);
  }

  void gauge(String name, String description, Supplier<Number> value) {
    io.micrometer.core.instrument.Gauge.builder(name, value)
        .description(description)
        .register(registry);
  }

  /** Times one Binding spec write (create or patch). */
  Timer bindingWrite() {
    return Timer.builder("kubestellar_binding_binding_write")
        .description("Time to write one Binding spec")
        .publishPercentiles(0.5, 0.99)
        .register(registry);
  }

  /** Times one resolution of a policy from the caches (no API calls). */
  Timer resolve() {
    return Timer.builder("kubestellar_binding_resolve")
        .description("Time to resolve one BindingPolicy from the caches")
        .publishPercentiles(0.5, 0.99)
        .register(registry);
  }

  Timer reconcile(boolean ok) {
    return ok ? reconcileOk : reconcileFailed;
  }

  /** Counts one API write: target is binding, binding_status, policy_status, policy or event. */
  void write(String target, String operation) {
    Counter.builder("kubestellar_binding_writes")
        .description("API writes made by the binding controller")
        .tag("target", target)
        .tag("operation", operation)
        .register(registry)
        .increment();
  }

  /** Counts one Binding spec patch by form: {@code incremental} (JSON Patch) or {@code full}. */
  void specPatch(String form) {
    Counter.builder("kubestellar_binding_spec_patches")
        .description("Binding spec patches by form: incremental JSON Patch or full merge patch")
        .tag("form", form)
        .register(registry)
        .increment();
  }

  /** Counts one incremental patch refused because the copy it was computed from was stale. */
  void specPatchStale() {
    Counter.builder("kubestellar_binding_spec_patch_stale")
        .description("Incremental Binding spec patches refused because their base was stale")
        .register(registry)
        .increment();
  }

  /** Counts one workload event received. */
  void event() {
    Counter.builder("kubestellar_binding_workload_events")
        .description("Workload object events received from the WDS informers")
        .register(registry)
        .increment();
  }
}
