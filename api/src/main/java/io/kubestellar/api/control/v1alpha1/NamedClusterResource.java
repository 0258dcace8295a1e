/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.api.control.v1alpha1;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.CustomResource;

/**
 * A cluster-scoped control kind whose objects are made either empty (for Jackson and the fabric8
 * client) or from a name and a spec.
 *
 * @param <S> the spec type
 * @param <T> the status type
 */
public abstract class NamedClusterResource<S, T> extends CustomResource<S, T> {

  /** An empty object. */
  protected NamedClusterResource() {}

  /** An object with the given name and spec, and no status. */
  protected NamedClusterResource(String name, S spec) {
    setMetadata(new ObjectMeta());
    getMetadata().setName(name);
    setSpec(spec);
  }
}
