/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.transport.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Comparator;
import java.util.Objects;

/**
 * The identity of a workload object as the transport sees it: group, kind, namespace and name. A
 * ManifestWork's "gloss" is the set of these for its manifests.
 *
 * @param group API group, {@code ""} for core
 * @param kind kind
 * @param namespace namespace, {@code ""} for cluster-scoped objects
 * @param name name
 */
public record ObjectRef(String group, String kind, String namespace, String name)
    implements Comparable<ObjectRef> {

  private static final Comparator<ObjectRef> ORDER =
      Comparator.comparing(ObjectRef::group)
          .thenComparing(ObjectRef::kind)
          .thenComparing(ObjectRef::namespace)
          .thenComparing(ObjectRef::name);

  public ObjectRef {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
  }

  /** Reads apiVersion, kind, metadata.namespace and metadata.name of an object tree. */
  public static ObjectRef of(JsonNode object) {
    return new ObjectRef(
        JsonObjects.groupOf(JsonObjects.text(object, "apiVersion")),
        JsonObjects.text(object, "kind"),
        JsonObjects.text(object.path("metadata"), "namespace"),
        JsonObjects.text(object.path("metadata"), "name"));
  }

  /**
   * Upstream's rendering, used inside template names: {@code Kind.group(ns/name)}, with just {@code
   * Kind} for the core group and {@code (name)} for cluster-scoped objects.
   */
  @Override
  public String toString() {
    var groupKind = group.isEmpty() ? kind : kind + "." + group;
    var objectName = namespace.isEmpty() ? name : namespace + "/" + name;
    return groupKind + "(" + objectName + ")";
  }

  @Override
  public int compareTo(ObjectRef other) {
    return ORDER.compare(this, other);
  }
}
