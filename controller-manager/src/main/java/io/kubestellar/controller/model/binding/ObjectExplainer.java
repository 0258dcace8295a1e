/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.model.binding;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Explains, for people, why an object is or is not bound by each policy and to which clusters
 * (D15). The text goes into a Kubernetes Event on the object.
 */
public final class ObjectExplainer {

  private ObjectExplainer() {}

  /**
   * One line per policy.
   *
   * @param contents the latest Binding content of each policy, by name
   */
  public static List<String> explain(
      WorkloadObject object,
      Collection<BindingPolicyModel> policies,
      Map<String, BindingContent> contents,
      NamespaceLabels namespaces) {
    var lines = new ArrayList<String>();
    if (policies.isEmpty()) {
      lines.add("no BindingPolicy exists");
    }
    for (var policy : policies) {
      var reasons = new ArrayList<String>();
      var matching = new ArrayList<Integer>();
      for (int i = 0; i < policy.clauses().size(); i++) {
        var verdict = ClauseMatcher.evaluate(policy.clauses().get(i), object, namespaces);
        if (verdict.matched()) {
          matching.add(i);
        } else {
          reasons.add("downsync[" + i + "]: " + verdict.reason());
        }
      }
      if (matching.isEmpty()) {
        lines.add(
            "BindingPolicy "
                + policy.name()
                + ": not selected"
                + (reasons.isEmpty()
                    ? " (the policy has no downsync clauses)"
                    : "; " + String.join("; ", reasons)));
        continue;
      }
      var content = contents.getOrDefault(policy.name(), BindingContent.EMPTY);
      var modulation = PolicyMatcher.match(policy, object, namespaces).orElse(Modulation.NONE);
      var destinations =
          content.destinations().isEmpty()
              ? "no clusters (no ManagedCluster matches spec.clusterSelectors "
                  + ClauseMatcher.describe(policy.clusterSelectors())
                  + ")"
              : "clusters " + content.destinations();
      lines.add(
          "BindingPolicy "
              + policy.name()
              + ": selected by downsync"
              + matching
              + describe(modulation)
              + ", bound to "
              + destinations);
    }
    return lines;
  }

  private static String describe(Modulation m) {
    var parts = new ArrayList<String>();
    if (m.createOnly()) {
      parts.add("createOnly");
    }
    if (!m.statusCollectors().isEmpty()) {
      parts.add("statusCollectors " + m.statusCollectors());
    }
    if (m.wantSingletonReportedState()) {
      parts.add("wantSingletonReportedState");
    }
    if (m.wantMultiWecReportedState()) {
      parts.add("wantMultiWECReportedState");
    }
    return parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")";
  }
}
