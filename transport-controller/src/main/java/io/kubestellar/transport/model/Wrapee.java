/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.transport.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubestellar.model.GroupResource;
import java.util.Objects;

/**
 * One workload object on its way into a ManifestWork, with what the transport knows about it from
 * the Binding and the WDS.
 *
 * @param object the (cleaned, transformed, possibly customized) object
 * @param uid the object's {@code metadata.uid} in the WDS (cleaning removes it from {@code object})
 * @param resource the resource name under which the Binding lists the object
 * @param createOnly whether the Binding entry asks for create-only delivery
 */
public record Wrapee(ObjectNode object, String uid, String resource, boolean createOnly) {

  public Wrapee {
    Objects.requireNonNull(object, "object");
    Objects.requireNonNull(uid, "uid");
    Objects.requireNonNull(resource, "resource");
  }

  /** The same entry carrying another version of the object. */
  public Wrapee withObject(ObjectNode replacement) {
    return new Wrapee(replacement, uid, resource, createOnly);
  }

  /** Group, kind, namespace and name of the object. */
  public ObjectRef ref() {
    return ObjectRef.of(object);
  }

  /** Group and resource of the object. */
  public GroupResource groupResource() {
    return new GroupResource(JsonObjects.groupOf(JsonObjects.text(object, "apiVersion")), resource);
  }
}
