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
 * Says which workload objects of a WDS (clauses in {@code spec.downsync}) go to which clusters
 * (selectors in {@code spec.clusterSelectors}). Cluster-scoped.
 */
@Group(ControlGroup.GROUP)
@Version(ControlGroup.VERSION)
@Plural("bindingpolicies")
@Singular("bindingpolicy")
@ShortNames("bp")
public class BindingPolicy extends NamedClusterResource<BindingPolicySpec, BindingPolicyStatus> {

  /** An empty object, for Jackson and the fabric8 client. */
  public BindingPolicy() {}

  /** A policy with the given name and spec. */
  public BindingPolicy(String name, BindingPolicySpec spec) {
    super(name, spec);
  }
}
