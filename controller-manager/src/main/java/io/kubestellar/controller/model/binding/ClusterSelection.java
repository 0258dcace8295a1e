/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.model.binding;

import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/** Chooses destinations: the clusters whose labels satisfy at least one selector (spec §3.4). */
public final class ClusterSelection {

  private ClusterSelection() {}

  /**
   * The selected cluster names, sorted; an empty selector list selects none and an empty selector
   * selects all.
   *
   * @param clusters cluster name to labels
   */
  public static SortedSet<String> select(
      List<Selector> selectors, Map<String, Map<String, String>> clusters) {
    var selected = new TreeSet<String>();
    clusters.forEach(
        (name, labels) -> {
          if (selectors.stream().anyMatch(s -> s.matches(labels))) {
            selected.add(name);
          }
        });
    return selected;
  }
}
