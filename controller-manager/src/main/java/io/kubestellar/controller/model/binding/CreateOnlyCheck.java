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
 * Finds objects that one policy binds with {@code createOnly} and another binds without it to a
 * cluster both deliver to. Each policy gets its own ManifestWork, and the work agent keeps the one
 * without {@code createOnly} applied, so the WEC copy is updated after all: the user should hear of
 * it on both policies.
 */
public final class CreateOnlyCheck {

  /** At most this many objects are listed. */
  static final int MAX_EXAMPLES = 4;

  private CreateOnlyCheck() {}

  /**
   * The error string for the policy's {@code status.errors}, if any of its objects is affected.
   *
   * @param contents the latest content of every policy, by policy name
   */
  public static Optional<String> error(String policy, Map<String, BindingContent> contents) {
    var own = contents.get(policy);
    if (own == null || own.destinations().isEmpty()) {
      return Optional.empty();
    }
    var examples = new ArrayList<String>();
    for (var entry : own.objects().entrySet()) {
      var ref = entry.getKey();
      boolean ownCreateOnly = entry.getValue().modulation().createOnly();
      var others = new TreeSet<String>();
      var clusters = new TreeSet<String>();
      for (var other : contents.entrySet()) {
        var bound = other.getValue().objects().get(ref);
        if (other.getKey().equals(policy)
            || bound == null
            || bound.modulation().createOnly() == ownCreateOnly) {
          continue;
        }
        var shared = new TreeSet<>(other.getValue().destinations());
        shared.retainAll(own.destinations());
        if (!shared.isEmpty()) {
          others.add(other.getKey());
          clusters.addAll(shared);
        }
      }
      if (!others.isEmpty()) {
        examples.add(
            ref
                + " (createOnly "
                + (ownCreateOnly ? "here, not in " : "in ")
                + String.join(", ", others)
                + "; clusters "
                + String.join(", ", clusters)
                + ")");
        if (examples.size() == MAX_EXAMPLES) {
          break;
        }
      }
    }
    if (examples.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        "createOnly conflict: other policies bind the same objects to the same clusters with a"
            + " different createOnly, so the WEC copies are updated after all; make the policies"
            + " agree: "
            + String.join("; ", examples));
  }
}
