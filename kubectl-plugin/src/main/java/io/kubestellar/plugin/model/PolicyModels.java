/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.plugin.model;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.kubestellar.api.control.v1alpha1.BindingPolicy;
import io.kubestellar.api.control.v1alpha1.DownsyncPolicyClause;
import io.kubestellar.controller.model.binding.BindingPolicyModel;
import io.kubestellar.controller.model.binding.DownsyncClause;
import io.kubestellar.controller.model.binding.Modulation;
import io.kubestellar.controller.model.binding.Selector;
import java.util.ArrayList;
import java.util.List;

/** Reads a BindingPolicy of the API into the binding model's pure form. */
public final class PolicyModels {

  private PolicyModels() {}

  /** The model of the policy; absent lists are empty. */
  public static BindingPolicyModel of(BindingPolicy policy) {
    var metadata = policy.getMetadata();
    var spec = policy.getSpec();
    var clauses = new ArrayList<DownsyncClause>();
    if (spec != null && spec.downsync() != null) {
      spec.downsync().forEach(c -> clauses.add(clause(c)));
    }
    long generation = metadata.getGeneration() == null ? 0 : metadata.getGeneration();
    return new BindingPolicyModel(
        metadata.getName(),
        generation,
        selectors(spec == null ? null : spec.clusterSelectors()),
        clauses);
  }

  private static DownsyncClause clause(DownsyncPolicyClause c) {
    var modulation =
        Modulation.of(
            c.createOnly(),
            c.statusCollectors(),
            c.wantSingletonReportedState(),
            c.wantMultiWECReportedState());
    var namespaceSelectors = selectors(c.namespaceSelectors());
    var objectSelectors = selectors(c.objectSelectors());
    return new DownsyncClause(
        c.apiGroup(),
        c.resources(),
        c.namespaces(),
        namespaceSelectors,
        objectSelectors,
        c.objectNames(),
        modulation);
  }

  private static List<Selector> selectors(List<LabelSelector> list) {
    var result = new ArrayList<Selector>();
    if (list != null) {
      for (var s : list) {
        result.add(s == null ? Selector.EVERYTHING : selector(s));
      }
    }
    return result;
  }

  private static Selector selector(LabelSelector s) {
    var requirements = new ArrayList<Selector.Requirement>();
    if (s.getMatchExpressions() != null) {
      for (var e : s.getMatchExpressions()) {
        requirements.add(new Selector.Requirement(e.getKey(), e.getOperator(), e.getValues()));
      }
    }
    return new Selector(s.getMatchLabels(), requirements);
  }
}
