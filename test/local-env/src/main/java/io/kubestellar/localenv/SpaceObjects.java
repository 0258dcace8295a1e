/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.localenv;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.kubestellar.api.control.v1alpha1.CombinedStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The objects that tests and benchmarks write into the spaces as a user (or the inventory) would:
 * namespaces, inventory-only ManagedClusters, Deployments, BindingPolicies and StatusCollectors.
 * One place for their shapes, so that a test and the benchmark measuring the same path write the
 * same thing.
 */
public final class SpaceObjects {

  /** The label a namespace carries so that a policy can select it with its application. */
  public static final String PART_OF = "app.kubernetes.io/part-of";

  private static final String CONTROL_API = "control.kubestellar.io/v1alpha1";

  private SpaceObjects() {}

  /** The CombinedStatuses of (object, policy) in a WDS, found by their labels. */
  public static List<CombinedStatus> combinedStatuses(
      KubernetesClient wds, String namespace, String name, String policy) {
    return wds.resources(CombinedStatus.class)
        .inNamespace(namespace)
        .withLabel("status.kubestellar.io/name", name)
        .withLabel("status.kubestellar.io/binding-policy", policy)
        .list()
        .getItems();
  }

  /** Applies (server side) a namespace with the given labels. */
  public static void namespace(KubernetesClient client, String name, Map<String, String> labels) {
    client
        .namespaces()
        .resource(
            new NamespaceBuilder()
                .withNewMetadata()
                .withName(name)
                .addToLabels(labels)
                .endMetadata()
                .build())
        .serverSideApply();
  }

  /** Applies (server side) an unlabelled namespace. */
  public static void namespace(KubernetesClient client, String name) {
    namespace(client, name, Map.of());
  }

  /** Creates or relabels (server side, taking the fields over) an inventory-only ManagedCluster. */
  public static void managedCluster(KubernetesClient its, String name, Map<String, String> labels) {
    its.genericKubernetesResources(Kinds.MANAGED_CLUSTERS)
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

  /**
   * {@link #managedCluster} labelled as the tests' inventory is: {@code name=<name>} and {@code
   * location-group=<locationGroup>}.
   */
  public static void inventoryCluster(KubernetesClient its, String name, String locationGroup) {
    managedCluster(its, name, Map.of("name", name, "location-group", locationGroup));
  }

  /**
   * A Deployment {@code namespace/name} of one container {@code container} running {@code image},
   * its pods selected by {@code app=<name>}, carrying {@code labels}.
   */
  public static Deployment deployment(
      String namespace,
      String name,
      int replicas,
      Map<String, String> labels,
      String container,
      String image) {
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(namespace)
        .addToLabels(labels)
        .endMetadata()
        .withNewSpec()
        .withReplicas(replicas)
        .withNewSelector()
        .addToMatchLabels("app", name)
        .endSelector()
        .withNewTemplate()
        .withNewMetadata()
        .addToLabels("app", name)
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName(container)
        .withImage(image)
        .endContainer()
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  /** {@link #deployment(String, String, int, Map, String, String)} with container {@code web}. */
  public static Deployment deployment(
      String namespace, String name, int replicas, Map<String, String> labels) {
    return deployment(namespace, name, replicas, labels, "web", "registry.example/web:1");
  }

  /**
   * A BindingPolicy spec that delivers, to the clusters matching {@code clusterLabels}, the
   * namespace {@code namespace} (selected by its {@link #PART_OF} label, since WECs get only the
   * namespaces a policy selects) and the Deployments in it that {@code deployments} (further clause
   * fields: objectNames, statusCollectors, modulation) narrows.
   */
  public static Map<String, Object> namespacedDeploymentsSpec(
      Map<String, String> clusterLabels, String namespace, Map<String, Object> deployments) {
    var clause = new LinkedHashMap<String, Object>();
    clause.put("apiGroup", "apps");
    clause.put("resources", List.of("deployments"));
    clause.put("namespaces", List.of(namespace));
    clause.putAll(deployments);
    var namespaceClause =
        Map.<String, Object>of(
            "apiGroup",
            "",
            "resources",
            List.of("namespaces"),
            "objectSelectors",
            List.of(Map.of("matchLabels", Map.of(PART_OF, namespace))));
    return Map.of(
        "clusterSelectors",
        List.of(Map.of("matchLabels", clusterLabels)),
        "downsync",
        List.of(namespaceClause, clause));
  }

  /** Applies (server side, taking the fields over) a BindingPolicy given as its spec map. */
  public static GenericKubernetesResource bindingPolicy(
      KubernetesClient wds, String name, Map<String, Object> spec) {
    return apply(wds, Kinds.BINDING_POLICIES, name, spec);
  }

  /** Applies (server side, taking the fields over) a StatusCollector given as its spec map. */
  public static GenericKubernetesResource statusCollector(
      KubernetesClient wds, String name, Map<String, Object> spec) {
    return apply(wds, Kinds.STATUS_COLLECTORS, name, spec);
  }

  private static GenericKubernetesResource apply(
      KubernetesClient wds, ResourceDefinitionContext kind, String name, Map<String, Object> spec) {
    return wds.genericKubernetesResources(kind)
        .resource(
            new GenericKubernetesResourceBuilder()
                .withApiVersion(CONTROL_API)
                .withKind(kind.getKind())
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .withAdditionalProperties(Map.of("spec", spec))
                .build())
        .forceConflicts()
        .serverSideApply();
  }

  /**
   * A ManifestWork {@code name} in the mailbox namespace of {@code cluster} carrying {@code
   * manifests}, labelled with {@code labels} when there are any.
   */
  public static GenericKubernetesResource manifestWork(
      String cluster,
      String name,
      Map<String, String> labels,
      List<? extends Map<String, Object>> manifests) {
    var metadata = new ObjectMetaBuilder().withName(name).withNamespace(cluster);
    if (!labels.isEmpty()) {
      metadata.withLabels(labels);
    }
    return new GenericKubernetesResourceBuilder()
        .withApiVersion("work.open-cluster-management.io/v1")
        .withKind("ManifestWork")
        .withMetadata(metadata.build())
        .withAdditionalProperties(
            Map.of("spec", Map.of("workload", Map.of("manifests", manifests))))
        .build();
  }

  /** A Namespace as a plain manifest, as a ManifestWork carries it. */
  public static Map<String, Object> namespaceManifest(String name) {
    return Map.of("apiVersion", "v1", "kind", "Namespace", "metadata", Map.of("name", name));
  }

  /** A ConfigMap as a plain manifest, as a ManifestWork carries it. */
  public static Map<String, Object> configMapManifest(
      String namespace, String name, Map<String, String> data) {
    return Map.of(
        "apiVersion",
        "v1",
        "kind",
        "ConfigMap",
        "metadata",
        Map.of("name", name, "namespace", namespace),
        "data",
        data);
  }

  /**
   * A Deployment as a plain manifest, as a ManifestWork carries it: {@code replicas} pods of one
   * container {@code app} running {@code nginx:1.27}, selected by {@code app=<name>}.
   */
  public static Map<String, Object> deploymentManifest(
      String namespace, String name, int replicas) {
    var labels = Map.of("app", name);
    return Map.of(
        "apiVersion",
        "apps/v1",
        "kind",
        "Deployment",
        "metadata",
        Map.of("name", name, "namespace", namespace),
        "spec",
        Map.of(
            "replicas",
            replicas,
            "selector",
            Map.of("matchLabels", labels),
            "template",
            Map.of(
                "metadata",
                Map.of("labels", labels),
                "spec",
                Map.of("containers", List.of(Map.of("name", "app", "image", "nginx:1.27"))))));
  }

  /** An informer handler that passes each added or updated object on and ignores deletions. */
  public static <T> ResourceEventHandler<T> onAddOrUpdate(Consumer<T> seen) {
    return new ResourceEventHandler<>() {
      @Override
      public void onAdd(T object) {
        seen.accept(object);
      }

      @Override
      public void onUpdate(T before, T after) {
        seen.accept(after);
      }

      @Override
      public void onDelete(T object, boolean unknownFinalState) {}
    };
  }
}
