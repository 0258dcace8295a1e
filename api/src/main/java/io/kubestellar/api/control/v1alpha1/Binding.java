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
 * The resolution of one {@link BindingPolicy} (same name): the exact objects and the exact
 * clusters. Written by the binding controller, read by the transport controller. Cluster-scoped.
 */
@Group(ControlGroup.GROUP)
@Version(ControlGroup.VERSION)
@Plural("bindings")
@Singular("binding")
@ShortNames("bdg")
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
public class Binding extends CustomResource<BindingSpec, BindingStatus> {

  /** An empty object, for Jackson and the fabric8 client. */
  public Binding() {}

  /** A Binding with the given name and spec. */
  public Binding(String name, BindingSpec spec) {
    setMetadata(new ObjectMeta());
    getMetadata().setName(name);
    setSpec(spec);
  }
}
