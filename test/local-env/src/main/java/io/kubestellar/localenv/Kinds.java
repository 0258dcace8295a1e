/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.localenv;

import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

/**
 * The kinds that tests, benchmarks and the environment reach as generic resources, named once: the
 * OCM kinds of the ITS and the KubeStellar kinds of the WDS.
 */
public final class Kinds {

  public static final ResourceDefinitionContext MANAGED_CLUSTERS =
      context("cluster.open-cluster-management.io", "v1", "ManagedCluster", false);

  public static final ResourceDefinitionContext MANIFEST_WORKS =
      context("work.open-cluster-management.io", "v1", "ManifestWork", true);

  public static final ResourceDefinitionContext BINDING_POLICIES =
      context("control.kubestellar.io", "v1alpha1", "BindingPolicy", false);

  public static final ResourceDefinitionContext BINDINGS =
      context("control.kubestellar.io", "v1alpha1", "Binding", false);

  public static final ResourceDefinitionContext STATUS_COLLECTORS =
      context("control.kubestellar.io", "v1alpha1", "StatusCollector", false);

  private Kinds() {}

  private static ResourceDefinitionContext context(
      String group, String version, String kind, boolean namespaced) {
    var lower = kind.toLowerCase(java.util.Locale.ROOT);
    var plural = lower.endsWith("y") ? lower.substring(0, lower.length() - 1) + "ies" : lower + "s";
    return new ResourceDefinitionContext.Builder()
        .withGroup(group)
        .withVersion(version)
        .withKind(kind)
        .withPlural(plural)
        .withNamespaced(namespaced)
        .build();
  }
}
