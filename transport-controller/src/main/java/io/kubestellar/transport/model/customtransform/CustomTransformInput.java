/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.transport.model.customtransform;

import io.kubestellar.model.GroupResource;
import java.util.List;
import java.util.Objects;

/**
 * What the transport needs of one {@code CustomTransform}: its name, generation and spec.
 *
 * @param name metadata.name
 * @param generation metadata.generation
 * @param apiGroup spec.apiGroup ({@code ""} for core)
 * @param resource spec.resource
 * @param remove spec.remove, in order
 */
public record CustomTransformInput(
    String name, long generation, String apiGroup, String resource, List<String> remove) {

  public CustomTransformInput {
    Objects.requireNonNull(name, "name");
    apiGroup = apiGroup == null ? "" : apiGroup;
    resource = resource == null ? "" : resource;
    remove = remove == null ? List.of() : List.copyOf(remove);
  }

  /** The group and resource of the objects this CustomTransform applies to. */
  public GroupResource groupResource() {
    return new GroupResource(apiGroup, resource);
  }
}
