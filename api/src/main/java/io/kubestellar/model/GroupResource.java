/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.model;

import java.util.Objects;

/**
 * An API group (empty for core) and a lowercase plural resource name: the type of a workload
 * object, as the binding controller, the transport and the kubectl plugin name it.
 *
 * @param group API group, {@code ""} for the core group
 * @param resource resource name, e.g. {@code deployments}
 */
public record GroupResource(String group, String resource) implements Comparable<GroupResource> {

  public GroupResource {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(resource, "resource");
  }

  @Override
  public int compareTo(GroupResource other) {
    int byGroup = group.compareTo(other.group);
    return byGroup != 0 ? byGroup : resource.compareTo(other.resource);
  }

  /** {@code resource.group}, or just {@code resource} for the core group. */
  @Override
  public String toString() {
    return group.isEmpty() ? resource : resource + "." + group;
  }
}
