/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.model.binding;

/**
 * An API group and a resource (lowercase plural); the core group is {@code ""}.
 *
 * @param group API group
 * @param resource lowercase plural resource name
 */
public record GroupResource(String group, String resource) implements Comparable<GroupResource> {

  @Override
  public int compareTo(GroupResource o) {
    int c = group.compareTo(o.group);
    return c != 0 ? c : resource.compareTo(o.resource);
  }

  @Override
  public String toString() {
    return group.isEmpty() ? resource : resource + "." + group;
  }
}
