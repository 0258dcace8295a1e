/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.reconciler.status;

import java.util.Objects;

/** A unit of work of the status controller: one workload object, or one StatusCollector. */
public sealed interface StatusKey {

  /**
   * A WDS workload object. D13: the namespace is part of the key, so same-named objects of one kind
   * in two namespaces never see each other's reports. The version is not: an object is the same
   * whatever version it is read at.
   *
   * @param group API group, {@code ""} for core
   * @param resource lowercase plural resource
   * @param namespace namespace, {@code ""} when cluster-scoped
   * @param name object name
   */
  record Workload(String group, String resource, String namespace, String name)
      implements StatusKey {
    public Workload {
      group = group == null ? "" : group;
      namespace = namespace == null ? "" : namespace;
      Objects.requireNonNull(resource, "resource");
      Objects.requireNonNull(name, "name");
    }

    /** The informer-store key of the object. */
    String storeKey() {
      return namespace.isEmpty() ? name : namespace + "/" + name;
    }

    @Override
    public String toString() {
      return (group.isEmpty() ? "" : group + "/")
          + resource
          + ":"
          + (namespace.isEmpty() ? "" : namespace + "/")
          + name;
    }
  }

  /** A StatusCollector, by name (cluster-scoped). */
  record Collector(String name) implements StatusKey {
    public Collector {
      Objects.requireNonNull(name, "name");
    }

    @Override
    public String toString() {
      return "statuscollector:" + name;
    }
  }
}
