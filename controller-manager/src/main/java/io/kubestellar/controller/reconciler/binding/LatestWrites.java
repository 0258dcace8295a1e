/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.reconciler.binding;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers the objects this controller wrote until its informer shows them, so that a reconcile
 * right after a write compares against what was written rather than a cache that is a few
 * milliseconds behind (no redundant writes, no needless conflicts).
 */
final class LatestWrites<T extends HasMetadata> {

  private final Map<String, T> written = new ConcurrentHashMap<>();

  /** Records an object returned by the API server after a write. */
  void record(T object) {
    written.put(object.getMetadata().getName(), object);
  }

  /** Forgets a name (the object was deleted). */
  void forget(String name) {
    written.remove(name);
  }

  /** Called for each object the informer delivers; drops the record once the cache caught up. */
  void observed(T cached) {
    var name = cached.getMetadata().getName();
    var mine = written.get(name);
    if (mine != null && notOlder(cached, mine)) {
      written.remove(name, mine);
    }
  }

  /** The newest known state: what was written if the cache has not caught up, else the cache. */
  T current(String name, T cached) {
    var mine = written.get(name);
    if (mine == null) {
      return cached;
    }
    if (cached != null && notOlder(cached, mine)) {
      written.remove(name, mine);
      return cached;
    }
    return mine;
  }

  /**
   * Whether the cached copy is at least as new as the written one. Resource versions are compared
   * as numbers when both are numbers (etcd revisions); otherwise only equality counts.
   */
  private static boolean notOlder(HasMetadata cached, HasMetadata mine) {
    var a = cached.getMetadata().getResourceVersion();
    var b = mine.getMetadata().getResourceVersion();
    if (a == null || b == null) {
      return true;
    }
    if (a.equals(b)) {
      return true;
    }
    try {
      return Long.parseLong(a) >= Long.parseLong(b);
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
