/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.statusaddon.model;

/**
 * The {@code spec.sourceRef} of a WorkStatus: which WEC object it reports on.
 *
 * @param namespace {@code ""} when cluster-scoped
 */
public record SourceIdentity(
    String group, String version, String resource, String kind, String namespace, String name) {

  public SourceIdentity {
    group = group == null ? "" : group;
    namespace = namespace == null ? "" : namespace;
  }

  /** The key of the object this identifies; empty when a part needed for it is missing. */
  public java.util.Optional<ObjectKey> key() {
    if (version == null || version.isEmpty() || resource == null || resource.isEmpty()) {
      return java.util.Optional.empty();
    }
    if (name == null || name.isEmpty()) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(ObjectKey.of(group, version, resource, namespace, name));
  }
}
