/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.reconciler.binding;

import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.kubestellar.localenv.EnvironmentSpec;
import io.kubestellar.localenv.LocalEnvironment;
import io.kubestellar.localenv.ToolPaths;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A WDS and an ITS (real API servers, no WECs) with inventory-only ManagedClusters. */
final class BindingSpaces {

  static final ResourceDefinitionContext MANAGED_CLUSTERS =
      new ResourceDefinitionContext.Builder()
          .withGroup("cluster.open-cluster-management.io")
          .withVersion("v1")
          .withKind("ManagedCluster")
          .withPlural("managedclusters")
          .withNamespaced(false)
          .build();

  private BindingSpaces() {}

  /** Starts WDS {@code wds1} and ITS {@code its1} under {@code target/<dir>}. */
  static LocalEnvironment start(String dir) {
    return LocalEnvironment.start(
        EnvironmentSpec.defaults(Path.of("target", dir).toAbsolutePath()).withWecs(List.of()),
        ToolPaths.fromEnvironment());
  }

  /** Creates or relabels an inventory-only ManagedCluster. */
  static void cluster(KubernetesClient its, String name, Map<String, String> labels) {
    its.genericKubernetesResources(MANAGED_CLUSTERS)
        .resource(
            new GenericKubernetesResourceBuilder()
                .withApiVersion("cluster.open-cluster-management.io/v1")
                .withKind("ManagedCluster")
                .withNewMetadata()
                .withName(name)
                .withLabels(labels)
                .endMetadata()
                .withAdditionalProperties(Map.of("spec", Map.of("hubAcceptsClient", true)))
                .build())
        .forceConflicts()
        .serverSideApply();
  }
}
