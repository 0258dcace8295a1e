/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.reconciler.binding;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.kubestellar.api.control.v1alpha1.BindingPolicy;
import io.kubestellar.api.control.v1alpha1.DownsyncPolicyClause;
import io.kubestellar.controller.model.binding.BindingPolicyModel;
import io.kubestellar.controller.model.binding.DownsyncClause;
import io.kubestellar.controller.model.binding.Modulation;
import io.kubestellar.controller.model.binding.Selector;
import io.kubestellar.runtime.Generations;
import java.util.List;

/** Translates BindingPolicy objects into the pure model. */
final class PolicyModels {

  private PolicyModels() {}

  static BindingPolicyModel from(BindingPolicy policy) {
    var spec = policy.getSpec();
    return new BindingPolicyModel(
        policy.getMetadata().getName(),
        Generations.of(policy),
        spec == null ? List.of() : selectors(spec.clusterSelectors()),
        spec == null || spec.downsync() == null
            ? List.of()
            : spec.downsync().stream().map(PolicyModels::clause).toList());
  }

  static DownsyncClause clause(DownsyncPolicyClause c) {
    return new DownsyncClause(
        c.apiGroup(),
        c.resources(),
        c.namespaces(),
        selectors(c.namespaceSelectors()),
        selectors(c.objectSelectors()),
        c.objectNames(),
        Modulation.of(
            c.createOnly(),
            c.statusCollectors(),
            c.wantSingletonReportedState(),
            c.wantMultiWECReportedState()));
  }

  static List<Selector> selectors(List<LabelSelector> selectors) {
    if (selectors == null) {
      return List.of();
    }
    return selectors.stream().map(PolicyModels::selector).toList();
  }

  static Selector selector(LabelSelector selector) {
    if (selector == null) {
      return Selector.EVERYTHING;
    }
    List<LabelSelectorRequirement> expressions =
        selector.getMatchExpressions() == null ? List.of() : selector.getMatchExpressions();
    return new Selector(
        selector.getMatchLabels(),
        expressions.stream()
            .map(r -> new Selector.Requirement(r.getKey(), r.getOperator(), r.getValues()))
            .toList());
  }
}
