/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.model.binding;

import io.kubestellar.model.GroupResource;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Resolves a policy into the content of its Binding from what is currently known: the clusters of
 * the ITS and the workload objects of the WDS. Level-based: the same inputs always give the same
 * content, so a resolution can be repeated at any time.
 */
public final class PolicyResolver {

  private PolicyResolver() {}

  /**
   * The Binding content for the policy.
   *
   * @param clusters cluster name to labels
   */
  public static BindingContent resolve(
      BindingPolicyModel policy,
      Map<String, Map<String, String>> clusters,
      WorkloadSource workload,
      NamespaceLabels namespaces) {
    var destinations = ClusterSelection.select(policy.clusterSelectors(), clusters);
    var objects = new TreeMap<ObjectRef, BoundObject>();
    for (var type : workload.types()) {
      if (!policy.admitsType(type)) {
        continue;
      }
      for (var object : candidates(policy, type, workload)) {
        PolicyMatcher.match(policy, object, namespaces)
            .ifPresent(
                modulation ->
                    objects.put(
                        object.ref(),
                        new BoundObject(object.version(), object.resourceVersion(), modulation)));
      }
    }
    return new BindingContent(destinations, objects);
  }

  /**
   * The objects worth testing: when every clause admitting the type names its namespaces
   * explicitly, only those namespaces are read (an index lookup instead of a scan).
   */
  private static Collection<WorkloadObject> candidates(
      BindingPolicyModel policy, GroupResource type, WorkloadSource workload) {
    Set<String> namespaces = new TreeSet<>();
    for (var clause : policy.clauses()) {
      if (!clause.admitsType(type)) {
        continue;
      }
      if (clause.namespaces().isEmpty() || clause.namespaces().contains(DownsyncClause.ANY)) {
        return workload.objects(type);
      }
      namespaces.addAll(clause.namespaces());
    }
    if (namespaces.contains("")) {
      return workload.objects(type);
    }
    var result = new java.util.ArrayList<WorkloadObject>();
    for (var namespace : namespaces) {
      result.addAll(workload.objects(type, namespace));
    }
    return result;
  }
}
