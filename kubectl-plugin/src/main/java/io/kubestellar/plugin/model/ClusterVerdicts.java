/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.plugin.model;

import io.kubestellar.controller.model.binding.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Says why a cluster is or is not selected by a policy's {@code clusterSelectors}, naming the
 * selector and its first requirement the cluster's labels fail. Each requirement is tested by the
 * binding model's own {@link Selector#matches}, one requirement at a time, so the rules of label
 * selectors live in one place.
 */
public final class ClusterVerdicts {

  private ClusterVerdicts() {}

  /**
   * The verdict for one cluster.
   *
   * @param selectors the policy's cluster selectors
   * @param labels the ManagedCluster's labels
   */
  public static ClusterVerdict of(List<Selector> selectors, Map<String, String> labels) {
    if (selectors.isEmpty()) {
      return new ClusterVerdict(false, "spec.clusterSelectors is empty, so no cluster is selected");
    }
    var reasons = new ArrayList<String>();
    for (int i = 0; i < selectors.size(); i++) {
      var selector = selectors.get(i);
      var at = "clusterSelectors[" + i + "] (" + selector.describe() + ")";
      if (selector.matches(labels)) {
        return new ClusterVerdict(true, "matches " + at);
      }
      reasons.add(at + ": " + firstFailure(selector, labels));
    }
    return new ClusterVerdict(false, String.join("; ", reasons));
  }

  private static String firstFailure(Selector selector, Map<String, String> labels) {
    var problem = selector.problem();
    if (problem.isPresent()) {
      return "the selector cannot be used: " + problem.get();
    }
    for (var entry : selector.matchLabels().entrySet()) {
      var single = new Selector(Map.of(entry.getKey(), entry.getValue()), List.of());
      if (!single.matches(labels)) {
        return labelText(labels, entry.getKey()) + ", wanted " + single.describe();
      }
    }
    for (var requirement : selector.matchExpressions()) {
      var single = new Selector(Map.of(), List.of(requirement));
      if (!single.matches(labels)) {
        return labelText(labels, requirement.key()) + ", wanted " + single.describe();
      }
    }
    return "no requirement failed";
  }

  private static String labelText(Map<String, String> labels, String key) {
    var value = labels.get(key);
    return value == null ? "the cluster has no label " + key : "label " + key + "=" + value;
  }

  /**
   * @param selected whether some selector matches
   * @param reason which selector matched, or each selector with the label that failed it
   */
  public record ClusterVerdict(boolean selected, String reason) {}
}
