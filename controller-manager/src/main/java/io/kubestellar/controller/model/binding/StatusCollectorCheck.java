/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.model.binding;

import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/** Which StatusCollectors named by a Binding's objects do not exist. */
public final class StatusCollectorCheck {

  private StatusCollectorCheck() {}

  /** The missing collector names, sorted. */
  public static SortedSet<String> missing(BindingContent content, Set<String> existing) {
    var missing = new TreeSet<String>();
    for (var bound : content.objects().values()) {
      for (var name : bound.modulation().statusCollectors()) {
        if (!existing.contains(name)) {
          missing.add(name);
        }
      }
    }
    return missing;
  }

  /** Every collector name referenced. */
  public static SortedSet<String> referenced(BindingContent content) {
    var names = new TreeSet<String>();
    content.objects().values().forEach(b -> names.addAll(b.modulation().statusCollectors()));
    return names;
  }
}
