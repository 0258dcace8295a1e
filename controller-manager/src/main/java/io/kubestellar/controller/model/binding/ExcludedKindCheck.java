/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.model.binding;

import io.kubestellar.model.GroupResource;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds clauses that name, by group and resource, only kinds the binding controller never binds
 * (spec §3.2, {@link ResourceFilter}), so that the policy's {@code status.errors} says why they
 * select nothing instead of leaving the user to guess.
 */
public final class ExcludedKindCheck {

  private ExcludedKindCheck() {}

  /**
   * One entry per clause entry that can never select anything, as {@code "<field path>:
   * <problem>"}: a clause whose {@code apiGroup} is excluded, or a named resource of a clause with
   * an {@code apiGroup} whose group and resource are excluded. Clauses without {@code apiGroup} are
   * not judged: any group may serve a resource of that name.
   */
  public static List<String> problems(BindingPolicyModel policy, ResourceFilter filter) {
    var problems = new ArrayList<String>();
    for (int i = 0; i < policy.clauses().size(); i++) {
      var clause = policy.clauses().get(i);
      var group = clause.apiGroup();
      if (group == null) {
        continue;
      }
      var at = "spec.downsync[" + i + "]";
      if (ResourceFilter.EXCLUDED_GROUPS.contains(group)) {
        problems.add(
            at
                + ".apiGroup: objects of group "
                + group
                + " are never bound, so this clause selects nothing");
        continue;
      }
      for (int j = 0; j < clause.resources().size(); j++) {
        var resource = clause.resources().get(j);
        if (resource.equals(DownsyncClause.ANY)) {
          continue;
        }
        var type = new GroupResource(group, resource);
        if (!filter.allowed(type)) {
          problems.add(
              at
                  + ".resources["
                  + j
                  + "]: "
                  + describe(type)
                  + " are never bound ("
                  + why(type)
                  + "), so this entry selects nothing");
        }
      }
    }
    return problems;
  }

  private static String describe(GroupResource type) {
    return type.group().isEmpty() ? type.resource() : type.resource() + "." + type.group();
  }

  private static String why(GroupResource type) {
    if (type.resource().contains("/")) {
      return "a subresource is not an object";
    }
    if (ResourceFilter.EXCLUDED_RESOURCES.contains(type)) {
      return "KubeStellar never downsyncs them";
    }
    return "the group is outside --api-groups";
  }
}
