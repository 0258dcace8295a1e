/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.model.binding;

import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Finds objects of a policy that ask for singleton status return but are not bound to exactly one
 * cluster. Across policies: singleton is requested if any policy binding the object requests it,
 * and the object's clusters are the union of the destinations of every policy binding it.
 */
public final class SingletonCheck {

  /** At most this many examples are listed. */
  static final int MAX_EXAMPLES = 4;

  private SingletonCheck() {}

  /**
   * The error string for the policy's {@code status.errors}, if any of its objects is affected.
   *
   * @param contents the latest content of every policy, by policy name
   */
  public static Optional<String> error(String policy, Map<String, BindingContent> contents) {
    var own = contents.get(policy);
    if (own == null) {
      return Optional.empty();
    }
    var examples = new ArrayList<String>();
    for (var ref : own.objects().keySet()) {
      boolean requested = false;
      var clusters = new TreeSet<String>();
      for (var content : contents.values()) {
        var bound = content.objects().get(ref);
        if (bound != null) {
          requested |= bound.modulation().wantSingletonReportedState();
          clusters.addAll(content.destinations());
        }
      }
      if (requested && clusters.size() != 1) {
        examples.add("{\"ObjectID\":\"" + ref + "\",\"NumWECs\":" + clusters.size() + "}");
        if (examples.size() == MAX_EXAMPLES) {
          break;
        }
      }
    }
    if (examples.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        "Singleton reported status return is requested but some objects have the wrong number of"
            + " associated WECs, for example: ["
            + String.join(",", examples)
            + "]");
  }
}
