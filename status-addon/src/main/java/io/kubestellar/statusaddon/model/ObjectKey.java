/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.statusaddon.model;

import java.util.Objects;
import java.util.Optional;

/**
 * One object in the WEC: its resource type, namespace ({@code ""} when cluster-scoped) and name.
 * Keys include the namespace, so same-named objects in two namespaces never share a WorkStatus
 * (D13).
 */
public record ObjectKey(GroupVersionResource type, String namespace, String name) {

  public ObjectKey {
    Objects.requireNonNull(type, "type");
    namespace = namespace == null ? "" : namespace;
    Objects.requireNonNull(name, "name");
  }

  /** A key from its parts; a null or empty group means the core group. */
  public static ObjectKey of(
      String group, String version, String resource, String namespace, String name) {
    return new ObjectKey(new GroupVersionResource(group, version, resource), namespace, name);
  }

  /** The text used to index caches by object: {@code group/version/resource/namespace/name}. */
  public String indexValue() {
    return type.group()
        + "/"
        + type.version()
        + "/"
        + type.resource()
        + "/"
        + namespace
        + "/"
        + name;
  }

  /** Parses {@link #indexValue()} text; empty when it is not one. */
  public static Optional<ObjectKey> parse(String text) {
    var parts = text.split("/", -1);
    if (parts.length != 5 || parts[1].isEmpty() || parts[2].isEmpty() || parts[4].isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(of(parts[0], parts[1], parts[2], parts[3], parts[4]));
  }

  @Override
  public String toString() {
    return type + " " + (namespace.isEmpty() ? name : namespace + "/" + name);
  }
}
