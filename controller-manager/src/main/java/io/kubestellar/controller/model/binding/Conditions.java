/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.model.binding;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Sets conditions in a list the Kubernetes way. */
public final class Conditions {

  private Conditions() {}

  /**
   * The list with {@code desired} set: an existing condition of that type is replaced, keeping its
   * lastTransitionTime unless the status changed; a new type is appended stamped {@code now}.
   */
  public static List<ConditionState> set(
      List<ConditionState> current, ConditionState desired, Instant now) {
    var result = new ArrayList<ConditionState>();
    boolean found = false;
    for (var condition : current) {
      if (condition.type().equals(desired.type())) {
        found = true;
        var time =
            condition.status().equals(desired.status()) && condition.lastTransitionTime() != null
                ? condition.lastTransitionTime()
                : now;
        result.add(desired.at(time));
      } else {
        result.add(condition);
      }
    }
    if (!found) {
      result.add(desired.at(now));
    }
    return result;
  }

  /** The condition of a type, or null. */
  public static ConditionState find(List<ConditionState> conditions, String type) {
    return conditions.stream().filter(c -> c.type().equals(type)).findFirst().orElse(null);
  }

  /** Whether the two lists hold the same conditions (time aside), in any order. */
  public static boolean sameAs(List<ConditionState> a, List<ConditionState> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (var condition : a) {
      if (!condition.sameAs(find(b, condition.type()))) {
        return false;
      }
    }
    return true;
  }
}
