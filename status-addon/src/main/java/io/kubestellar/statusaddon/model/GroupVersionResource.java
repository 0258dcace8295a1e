/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.statusaddon.model;

import java.util.Objects;

/**
 * A resource type as the API server serves it.
 *
 * @param group API group, {@code ""} for the core group
 * @param version API version
 * @param resource lowercase plural resource name
 */
public record GroupVersionResource(String group, String version, String resource) {

  public GroupVersionResource {
    group = group == null ? "" : group;
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(resource, "resource");
  }

  /** The {@code apiVersion} text of objects of this type: {@code group/version} or {@code v1}. */
  public String apiVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }

  @Override
  public String toString() {
    return resource + "." + version + (group.isEmpty() ? "" : "." + group);
  }
}
