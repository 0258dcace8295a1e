/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.api.control.v1alpha1;

import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * The resolution of one {@link BindingPolicy} (same name): the exact objects and the exact
 * clusters. Written by the binding controller, read by the transport controller. Cluster-scoped.
 */
@Group(ControlGroup.GROUP)
@Version(ControlGroup.VERSION)
@Plural("bindings")
@Singular("binding")
@ShortNames("bdg")
public class Binding extends NamedClusterResource<BindingSpec, BindingStatus> {

  /** An empty object, for Jackson and the fabric8 client. */
  public Binding() {}

  /** A Binding with the given name and spec. */
  public Binding(String name, BindingSpec spec) {
    super(name, spec);
  }
}
