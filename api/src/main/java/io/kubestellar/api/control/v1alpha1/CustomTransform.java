/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.api.control.v1alpha1;

import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * Extra content to remove from every object of one resource before it is delivered to clusters.
 * Cluster-scoped.
 */
@Group(ControlGroup.GROUP)
@Version(ControlGroup.VERSION)
@Plural("customtransforms")
@Singular("customtransform")
@ShortNames("ct")
@Categories("all")
public class CustomTransform
    extends NamedClusterResource<CustomTransformSpec, CustomTransformStatus> {

  /** An empty object, for Jackson and the fabric8 client. */
  public CustomTransform() {}

  /** A transform with the given name and spec. */
  public CustomTransform(String name, CustomTransformSpec spec) {
    super(name, spec);
  }
}
