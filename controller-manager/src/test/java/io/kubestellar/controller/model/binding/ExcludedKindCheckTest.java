/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.model.binding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExcludedKindCheckTest {

  private static final ResourceFilter EVERY_GROUP = new ResourceFilter(Set.of());

  private static DownsyncClause clause(String group, String... resources) {
    return new DownsyncClause(
        group, List.of(resources), List.of(), List.of(), List.of(), List.of(), null);
  }

  private static List<String> problems(ResourceFilter filter, DownsyncClause... clauses) {
    return ExcludedKindCheck.problems(
        new BindingPolicyModel("p", 1, List.of(), List.of(clauses)), filter);
  }

  @Test
  void namesAnExcludedResourceOfTheClauseGroup() {
    assertThat(problems(EVERY_GROUP, clause("", "configmaps", "events")))
        .containsExactly(
            "spec.downsync[0].resources[1]: events are never bound (KubeStellar never downsyncs"
                + " them), so this entry selects nothing");
  }

  @Test
  void namesAnExcludedGroupOnceForTheClause() {
    assertThat(problems(EVERY_GROUP, clause("apps", "*"), clause("coordination.k8s.io", "leases")))
        .containsExactly(
            "spec.downsync[1].apiGroup: objects of group coordination.k8s.io are never bound, so"
                + " this clause selects nothing");
  }

  @Test
  void namesSubresourcesAndGroupsOutsideTheAllowList() {
    var onlyApps = new ResourceFilter(Set.of("apps"));
    assertThat(problems(onlyApps, clause("apps", "deployments/status"), clause("batch", "jobs")))
        .containsExactly(
            "spec.downsync[0].resources[0]: deployments/status.apps are never bound (a subresource"
                + " is not an object), so this entry selects nothing",
            "spec.downsync[1].resources[0]: jobs.batch are never bound (the group is outside"
                + " --api-groups), so this entry selects nothing");
  }

  @Test
  void leavesClausesWithoutGroupAndWildcardsAlone() {
    assertThat(problems(EVERY_GROUP, clause(null, "events", "nodes"), clause("", "*"))).isEmpty();
  }
}
