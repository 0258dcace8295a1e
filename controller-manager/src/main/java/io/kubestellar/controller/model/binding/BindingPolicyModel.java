/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.model.binding;

import io.kubestellar.model.GroupResource;
import java.util.List;

/**
 * A BindingPolicy in pure form.
 *
 * @param name the policy's name, which is also its Binding's name
 * @param generation its {@code metadata.generation}
 * @param clusterSelectors "where": a cluster is a destination when any selector matches it
 * @param clauses "what": an object is selected when any clause matches it
 */
public record BindingPolicyModel(
    String name, long generation, List<Selector> clusterSelectors, List<DownsyncClause> clauses) {

  public BindingPolicyModel {
    clusterSelectors = clusterSelectors == null ? List.of() : List.copyOf(clusterSelectors);
    clauses = clauses == null ? List.of() : List.copyOf(clauses);
  }

  /** Whether any clause could admit objects of this type (rules 1 and 2 only). */
  public boolean admitsType(GroupResource type) {
    return clauses.stream().anyMatch(c -> c.admitsType(type));
  }

  /** Whether any clause tests namespace labels (so Namespace relabels matter to it). */
  public boolean testsNamespaceLabels() {
    return clauses.stream().anyMatch(c -> !c.namespaceSelectors().isEmpty());
  }

  /** Whether any cluster selector matches the labels. */
  public boolean selectsCluster(java.util.Map<String, String> labels) {
    return clusterSelectors.stream().anyMatch(s -> s.matches(labels));
  }

  /**
   * Selectors that cannot be used, each as {@code "<field path>: <problem>"}; shown in the policy's
   * {@code status.errors} (D15).
   */
  public List<String> problems() {
    var problems = new java.util.ArrayList<String>();
    for (int i = 0; i < clusterSelectors.size(); i++) {
      var at = "spec.clusterSelectors[" + i + "]: ";
      clusterSelectors.get(i).problem().ifPresent(p -> problems.add(at + p));
    }
    for (int i = 0; i < clauses.size(); i++) {
      var clause = clauses.get(i);
      for (int j = 0; j < clause.namespaceSelectors().size(); j++) {
        var at = "spec.downsync[" + i + "].namespaceSelectors[" + j + "]: ";
        clause.namespaceSelectors().get(j).problem().ifPresent(p -> problems.add(at + p));
      }
      for (int j = 0; j < clause.objectSelectors().size(); j++) {
        var at = "spec.downsync[" + i + "].objectSelectors[" + j + "]: ";
        clause.objectSelectors().get(j).problem().ifPresent(p -> problems.add(at + p));
      }
    }
    return problems;
  }

  /** Whether some cluster selector is unusable; then the policy cannot be resolved (spec §3.4). */
  public boolean hasInvalidClusterSelector() {
    return clusterSelectors.stream().anyMatch(s -> s.problem().isPresent());
  }
}
