/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.transport.reconciler.binding;

import io.kubestellar.api.control.v1alpha1.Binding;
import io.kubestellar.model.GroupResource;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which Bindings depend on what: the workload objects and resources they list (from their spec),
 * and the clusters whose properties their delivery used (from their last sync). Events on those
 * inputs are mapped to the Bindings to sync again.
 */
public final class BindingIndex {

  private final Map<String, Set<WorkloadRef.ObjectKey>> objectsOf = new HashMap<>();
  private final Map<WorkloadRef.ObjectKey, Set<String>> byObject = new HashMap<>();
  private final Map<GroupResource, Set<String>> byResource = new HashMap<>();
  private final Map<String, Set<String>> clustersOf = new HashMap<>();
  private final Map<String, Set<String>> byCluster = new HashMap<>();

  /** Records what a Binding lists (replacing what it listed before). */
  public synchronized void update(Binding binding) {
    var name = binding.getMetadata().getName();
    removeObjects(name);
    var keys = new HashSet<WorkloadRef.ObjectKey>();
    for (var ref : WorkloadRef.of(binding)) {
      keys.add(ref.key());
    }
    objectsOf.put(name, keys);
    for (var key : keys) {
      byObject.computeIfAbsent(key, k -> new HashSet<>()).add(name);
      byResource
          .computeIfAbsent(new GroupResource(key.group(), key.resource()), k -> new HashSet<>())
          .add(name);
    }
  }

  /** Forgets a Binding. */
  public synchronized void remove(String name) {
    removeObjects(name);
    setSensitiveClusters(name, Set.of());
  }

  /** Records the clusters whose properties a Binding's last delivery used. */
  public synchronized void setSensitiveClusters(String name, Set<String> clusters) {
    var previous = clustersOf.remove(name);
    if (previous != null) {
      for (var cluster : previous) {
        var names = byCluster.get(cluster);
        if (names != null && names.remove(name) && names.isEmpty()) {
          byCluster.remove(cluster);
        }
      }
    }
    if (!clusters.isEmpty()) {
      clustersOf.put(name, Set.copyOf(clusters));
      for (var cluster : clusters) {
        byCluster.computeIfAbsent(cluster, k -> new HashSet<>()).add(name);
      }
    }
  }

  public synchronized List<String> listing(WorkloadRef.ObjectKey key) {
    return List.copyOf(byObject.getOrDefault(key, Set.of()));
  }

  public synchronized List<String> using(GroupResource groupResource) {
    return List.copyOf(byResource.getOrDefault(groupResource, Set.of()));
  }

  public synchronized List<String> sensitiveTo(String cluster) {
    return List.copyOf(byCluster.getOrDefault(cluster, Set.of()));
  }

  private void removeObjects(String name) {
    var keys = objectsOf.remove(name);
    if (keys == null) {
      return;
    }
    for (var key : keys) {
      var names = byObject.get(key);
      if (names != null && names.remove(name) && names.isEmpty()) {
        byObject.remove(key);
      }
      var gr = new GroupResource(key.group(), key.resource());
      var users = byResource.get(gr);
      if (users != null) {
        boolean stillUsed =
            objectsOf.getOrDefault(name, Set.of()).stream()
                .anyMatch(k -> k.group().equals(gr.group()) && k.resource().equals(gr.resource()));
        if (!stillUsed && users.remove(name) && users.isEmpty()) {
          byResource.remove(gr);
        }
      }
    }
  }
}
