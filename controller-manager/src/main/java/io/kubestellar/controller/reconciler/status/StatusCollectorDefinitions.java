/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.reconciler.status;

import io.kubestellar.api.control.v1alpha1.StatusCollector;
import io.kubestellar.api.control.v1alpha1.StatusCollectorSpec;
import io.kubestellar.controller.model.status.StatusCollectorDefinition;

/**
 * Maps the StatusCollector API type onto the status model's {@link StatusCollectorDefinition}; the
 * one mapping both the status controller (evaluation, {@code status.errors}) and the binding
 * controller ({@code StatusCollectorsAvailable}) validate, so they always agree on validity.
 */
public final class StatusCollectorDefinitions {

  private StatusCollectorDefinitions() {}

  /** The definition of an existing collector. */
  public static StatusCollectorDefinition of(StatusCollector collector) {
    return of(collector.getMetadata().getName(), collector.getSpec());
  }

  static StatusCollectorDefinition of(String name, StatusCollectorSpec spec) {
    if (spec == null) {
      return new StatusCollectorDefinition(name, null, null, null, null, null);
    }
    return new StatusCollectorDefinition(
        name,
        spec.filter(),
        spec.groupBy() == null
            ? null
            : spec.groupBy().stream()
                .map(g -> new StatusCollectorDefinition.NamedExpression(g.name(), g.def()))
                .toList(),
        spec.combinedFields() == null
            ? null
            : spec.combinedFields().stream()
                .map(
                    f ->
                        new StatusCollectorDefinition.CombinedField(
                            f.name(), f.type() == null ? null : f.type().name(), f.subject()))
                .toList(),
        spec.select() == null
            ? null
            : spec.select().stream()
                .map(s -> new StatusCollectorDefinition.NamedExpression(s.name(), s.def()))
                .toList(),
        spec.limit());
  }
}
