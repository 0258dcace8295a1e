/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.model.status.reported;

import java.util.Set;
import java.util.TreeSet;

/**
 * What the BindingPolicies matching a workload object ask for its {@code .status}, merged over all
 * of them (§6.4 of the status spec).
 *
 * @param singletonRequested some policy with {@code wantSingletonReportedState} selects the object
 * @param singletonWecs union of the destinations of those policies (the qualified singleton set)
 * @param multiRequested some policy with {@code wantMultiWECReportedState} selects the object
 * @param multiWecs union of the destinations of those policies
 */
public record ReportedStateRequest(
    boolean singletonRequested,
    Set<String> singletonWecs,
    boolean multiRequested,
    Set<String> multiWecs) {

  public ReportedStateRequest {
    singletonWecs = singletonWecs == null ? Set.of() : Set.copyOf(singletonWecs);
    multiWecs = multiWecs == null ? Set.of() : Set.copyOf(multiWecs);
  }

  /** No policy asks for status return. */
  public static ReportedStateRequest none() {
    return new ReportedStateRequest(false, Set.of(), false, Set.of());
  }

  public static ReportedStateRequest singleton(Set<String> wecs) {
    return new ReportedStateRequest(true, wecs, false, Set.of());
  }

  public static ReportedStateRequest multi(Set<String> wecs) {
    return new ReportedStateRequest(false, Set.of(), true, wecs);
  }

  /** The union of both qualified sets, sorted. */
  public Set<String> allWecs() {
    var all = new TreeSet<String>(singletonWecs);
    all.addAll(multiWecs);
    return all;
  }
}
