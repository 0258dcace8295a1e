/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.reconciler.binding;

import io.kubestellar.api.control.v1alpha1.BindingSpec;
import io.kubestellar.api.control.v1alpha1.ClusterScopeDownsyncClause;
import io.kubestellar.api.control.v1alpha1.Condition;
import io.kubestellar.api.control.v1alpha1.Destination;
import io.kubestellar.api.control.v1alpha1.DownsyncObjectClauses;
import io.kubestellar.api.control.v1alpha1.NamespaceScopeDownsyncClause;
import io.kubestellar.controller.model.binding.BindingContent;
import io.kubestellar.controller.model.binding.BoundObject;
import io.kubestellar.controller.model.binding.ConditionState;
import io.kubestellar.controller.model.binding.Modulation;
import io.kubestellar.controller.model.binding.ObjectRef;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Translates between Binding specs and conditions on the wire and the pure model; the status
 * controller reads Bindings through {@link #content} too.
 */
public final class BindingSpecs {

  private BindingSpecs() {}

  /** The content a Binding spec means; an absent spec is empty. */
  public static BindingContent content(BindingSpec spec) {
    if (spec == null) {
      return BindingContent.EMPTY;
    }
    var destinations = new TreeSet<String>();
    if (spec.destinations() != null) {
      spec.destinations().forEach(d -> destinations.add(d.clusterId()));
    }
    var objects = new TreeMap<ObjectRef, BoundObject>();
    var workload = spec.workload();
    var clauses = new ArrayList<NamespaceScopeDownsyncClause>();
    if (workload != null && workload.clusterScope() != null) {
      workload.clusterScope().forEach(c -> clauses.add(withoutNamespace(c)));
    }
    if (workload != null && workload.namespaceScope() != null) {
      clauses.addAll(workload.namespaceScope());
    }
    for (var c : clauses) {
      objects.put(
          new ObjectRef(c.group(), c.resource(), c.namespace(), c.name()),
          new BoundObject(
              c.version(),
              c.resourceVersion(),
              Modulation.of(
                  c.createOnly(),
                  c.statusCollectors(),
                  c.wantSingletonReportedState(),
                  c.wantMultiWECReportedState())));
    }
    return new BindingContent(destinations, objects);
  }

  /** A cluster-scoped clause as the namespaced one it equals, with the empty namespace. */
  private static NamespaceScopeDownsyncClause withoutNamespace(ClusterScopeDownsyncClause c) {
    return new NamespaceScopeDownsyncClause(
        c.group(),
        c.version(),
        c.resource(),
        "",
        c.name(),
        c.resourceVersion(),
        c.createOnly(),
        c.statusCollectors(),
        c.wantSingletonReportedState(),
        c.wantMultiWECReportedState());
  }

  /**
   * The spec for a content: destinations sorted; objects sorted by group, version, resource, then
   * namespace and name; false flags and empty collector lists left out.
   */
  static BindingSpec spec(BindingContent content) {
    var clusterScope = new ArrayList<ClusterScopeDownsyncClause>();
    var namespaceScope = new ArrayList<NamespaceScopeDownsyncClause>();
    var ordered = new ArrayList<>(content.objects().entrySet());
    ordered.sort(
        (a, b) -> {
          var ka = a.getKey();
          var kb = b.getKey();
          int c = ka.group().compareTo(kb.group());
          if (c == 0) {
            c = a.getValue().version().compareTo(b.getValue().version());
          }
          return c != 0 ? c : ka.compareTo(kb);
        });
    for (var entry : ordered) {
      var ref = entry.getKey();
      var bound = entry.getValue();
      var m = bound.modulation();
      if (ref.clusterScoped()) {
        clusterScope.add(
            new ClusterScopeDownsyncClause(
                ref.group(),
                bound.version(),
                ref.resource(),
                ref.name(),
                bound.resourceVersion(),
                m.createOnly() ? Boolean.TRUE : null,
                m.statusCollectors().isEmpty() ? null : List.copyOf(m.statusCollectors()),
                m.wantSingletonReportedState() ? Boolean.TRUE : null,
                m.wantMultiWecReportedState() ? Boolean.TRUE : null));
      } else {
        namespaceScope.add(
            new NamespaceScopeDownsyncClause(
                ref.group(),
                bound.version(),
                ref.resource(),
                ref.namespace(),
                ref.name(),
                bound.resourceVersion(),
                m.createOnly() ? Boolean.TRUE : null,
                m.statusCollectors().isEmpty() ? null : List.copyOf(m.statusCollectors()),
                m.wantSingletonReportedState() ? Boolean.TRUE : null,
                m.wantMultiWecReportedState() ? Boolean.TRUE : null));
      }
    }
    return new BindingSpec(
        new DownsyncObjectClauses(clusterScope, namespaceScope),
        content.destinations().stream().map(Destination::new).toList());
  }

  static List<ConditionState> conditions(List<Condition> conditions) {
    if (conditions == null) {
      return List.of();
    }
    return conditions.stream()
        .map(
            c ->
                new ConditionState(
                    c.type(),
                    c.status(),
                    c.reason(),
                    c.message(),
                    parse(c.lastTransitionTime()),
                    c.observedGeneration()))
        .toList();
  }

  static List<Condition> wire(List<ConditionState> conditions) {
    return conditions.stream()
        .map(
            c ->
                new Condition(
                    c.type(),
                    c.status(),
                    c.reason() == null ? "" : c.reason(),
                    c.message() == null ? "" : c.message(),
                    c.lastTransitionTime().truncatedTo(ChronoUnit.SECONDS).toString(),
                    c.observedGeneration()))
        .toList();
  }

  private static Instant parse(String time) {
    if (time == null) {
      return null;
    }
    try {
      return Instant.parse(time);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
