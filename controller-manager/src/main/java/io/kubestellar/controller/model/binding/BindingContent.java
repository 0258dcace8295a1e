/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.model.binding;

import java.util.Collections;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The meaning of a Binding's spec: the destination clusters and the bound objects. Two Bindings
 * whose contents are equal need no write, whatever the order of their lists.
 *
 * @param destinations cluster names, sorted
 * @param objects bound objects by identity, sorted
 */
public record BindingContent(
    SortedSet<String> destinations, SortedMap<ObjectRef, BoundObject> objects) {

  /** No destinations and no objects. */
  public static final BindingContent EMPTY = new BindingContent(new TreeSet<>(), new TreeMap<>());

  public BindingContent {
    destinations = Collections.unmodifiableSortedSet(new TreeSet<>(destinations));
    objects = Collections.unmodifiableSortedMap(new TreeMap<>(objects));
  }

  /** Whether there is nothing to deliver and nowhere to deliver it. */
  public boolean isEmpty() {
    return destinations.isEmpty() && objects.isEmpty();
  }

  /** A one-line summary for logs and events. */
  public String summary() {
    long clusterScoped = objects.keySet().stream().filter(ObjectRef::clusterScoped).count();
    return objects.size()
        + " objects ("
        + clusterScoped
        + " cluster-scoped) to "
        + destinations.size()
        + " clusters";
  }
}
