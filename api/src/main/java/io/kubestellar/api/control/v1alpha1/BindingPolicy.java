/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.api.control.v1alpha1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.CustomResource;
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
@AdditionalPrinterColumn(
    name = "SYNCED",
    jsonPath = ".status.conditions[?(@.type=='Synced')].status",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "READY",
    jsonPath = ".status.conditions[?(@.type=='Ready')].status",
    type = AdditionalPrinterColumn.Type.STRING)
// Shown by `kubectl get -o wide`: why it is (not) Ready, and the first error.
@AdditionalPrinterColumn(
    name = "REASON",
    jsonPath = ".status.conditions[?(@.type=='Ready')].reason",
    type = AdditionalPrinterColumn.Type.STRING,
    priority = 1)
@AdditionalPrinterColumn(
    name = "ERROR",
    jsonPath = ".status.errors[0]",
    type = AdditionalPrinterColumn.Type.STRING,
    priority = 1)
@AdditionalPrinterColumn(
    name = "AGE",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
public class BindingPolicy extends CustomResource<BindingPolicySpec, BindingPolicyStatus> {

  /** An empty object, for Jackson and the fabric8 client. */
  public BindingPolicy() {}

  /** A policy with the given name and spec. */
  public BindingPolicy(String name, BindingPolicySpec spec) {
    setMetadata(new ObjectMeta());
    getMetadata().setName(name);
    setSpec(spec);
  }
}
