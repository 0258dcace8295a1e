/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.model.binding;

import io.kubestellar.model.GroupResource;

/**
 * The identity of a workload object in a Binding: the list-map key of the Binding's workload
 * entries, which leaves the version out (one version per group and resource is bound).
 *
 * @param group API group ({@code ""} for core)
 * @param resource lowercase plural resource name
 * @param namespace namespace, {@code ""} for cluster-scoped objects
 * @param name object name
 */
public record ObjectRef(String group, String resource, String namespace, String name)
    implements Comparable<ObjectRef> {

  public ObjectRef {
    namespace = namespace == null ? "" : namespace;
  }

  /** Whether the object is cluster-scoped. */
  public boolean clusterScoped() {
    return namespace.isEmpty();
  }

  /** The object's group and resource. */
  public GroupResource type() {
    return new GroupResource(group, resource);
  }

  /** By type (group, then resource), then namespace, then name. */
  @Override
  public int compareTo(ObjectRef o) {
    int byType = type().compareTo(o.type());
    if (byType != 0) {
      return byType;
    }
    int byNamespace = namespace.compareTo(o.namespace);
    return byNamespace != 0 ? byNamespace : name.compareTo(o.name);
  }

  @Override
  public String toString() {
    return type() + "/" + (namespace.isEmpty() ? "" : namespace + "/") + name;
  }
}
