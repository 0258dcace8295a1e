/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.model.binding;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Tests a workload object against one downsync clause. Every present test must pass; within a list
 * any entry may satisfy it, and an empty list imposes nothing (spec §3.5). Namespace labels are
 * looked up last, and only when the other tests passed.
 */
public final class ClauseMatcher {

  private ClauseMatcher() {}

  /** Whether the clause selects the object. */
  public static boolean matches(DownsyncClause clause, WorkloadObject object, NamespaceLabels ns) {
    return evaluate(clause, object, ns).matched();
  }

  /** The verdict with the first failing test spelled out. */
  public static ClauseVerdict evaluate(
      DownsyncClause clause, WorkloadObject object, NamespaceLabels ns) {
    var ref = object.ref();
    if (clause.apiGroup() != null && !clause.apiGroup().equals(ref.group())) {
      return ClauseVerdict.no("apiGroup '" + ref.group() + "' is not '" + clause.apiGroup() + "'");
    }
    if (!DownsyncClause.admits(clause.resources(), ref.resource())) {
      return ClauseVerdict.no(
          "resource '" + ref.resource() + "' is not in resources " + clause.resources());
    }
    if (!DownsyncClause.admits(clause.namespaces(), ref.namespace())) {
      return ClauseVerdict.no(
          (ref.clusterScoped()
                  ? "the object is cluster-scoped and namespaces "
                  : "namespace '" + ref.namespace() + "' is not in namespaces ")
              + clause.namespaces());
    }
    if (!DownsyncClause.admits(clause.objectNames(), ref.name())) {
      return ClauseVerdict.no(
          "name '" + ref.name() + "' is not in objectNames " + clause.objectNames());
    }
    if (!clause.objectSelectors().isEmpty()
        && clause.objectSelectors().stream().noneMatch(s -> s.matches(object.labels()))) {
      return ClauseVerdict.no(
          "the object's labels "
              + object.labels()
              + " match none of objectSelectors "
              + describe(clause.objectSelectors()));
    }
    if (!clause.namespaceSelectors().isEmpty()
        && clause.namespaceSelectors().stream().noneMatch(Selector::isEmpty)) {
      // Rule 6: only an empty selector admits a cluster-scoped object or a missing namespace.
      if (ref.clusterScoped()) {
        return ClauseVerdict.no(
            "the object is cluster-scoped and namespaceSelectors has no empty selector");
      }
      var labels = ns.of(ref.namespace());
      if (labels.isEmpty()) {
        return ClauseVerdict.no("namespace '" + ref.namespace() + "' does not exist");
      }
      if (clause.namespaceSelectors().stream().noneMatch(s -> s.matches(labels.get()))) {
        return ClauseVerdict.no(
            "the labels "
                + labels.get()
                + " of namespace '"
                + ref.namespace()
                + "' match none of namespaceSelectors "
                + describe(clause.namespaceSelectors()));
      }
    }
    return ClauseVerdict.MATCH;
  }

  static String describe(List<Selector> selectors) {
    return selectors.stream().map(s -> "[" + s.describe() + "]").collect(Collectors.joining(" "));
  }
}
