/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.model.binding;

import java.util.Optional;

/** Tests a workload object against all clauses of a policy and combines their modulations. */
public final class PolicyMatcher {

  private PolicyMatcher() {}

  /**
   * The combined modulation of every matching clause (spec §3.6), or empty when no clause matches.
   */
  public static Optional<Modulation> match(
      BindingPolicyModel policy, WorkloadObject object, NamespaceLabels ns) {
    Modulation combined = null;
    for (var clause : policy.clauses()) {
      if (clause.admitsType(object.ref().type()) && ClauseMatcher.matches(clause, object, ns)) {
        combined = combined == null ? clause.modulation() : combined.combine(clause.modulation());
      }
    }
    return Optional.ofNullable(combined);
  }
}
