/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.bench;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.kubestellar.localenv.AdminComponents;
import io.kubestellar.localenv.LocalEnvironment;
import io.kubestellar.localenv.SpaceObjects;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * What the benchmarks that run the whole pipeline ({@link AdminComponents#startStatusPipeline}, as
 * the status end-to-end tests run it) deliver through it.
 */
final class BenchPipeline {

  private BenchPipeline() {}

  /**
   * A one-replica Deployment {@code namespace/name} with one container, selected by {@code
   * app=<name>}, carrying {@code labels}: what every pipeline benchmark delivers.
   */
  static Deployment deployment(String namespace, String name, Map<String, String> labels) {
    return SpaceObjects.deployment(namespace, name, 1, labels);
  }

  /**
   * Informs {@code seen} of every add and update of a Deployment in {@code namespace} of each WEC,
   * with the WEC's name: how the pipeline benchmarks time what happens in the WECs.
   */
  static void watchWecDeployments(
      LocalEnvironment env,
      List<String> wecs,
      String namespace,
      BiConsumer<String, Deployment> seen) {
    for (var wec : wecs) {
      env.client(wec)
          .apps()
          .deployments()
          .inNamespace(namespace)
          .inform(SpaceObjects.onAddOrUpdate(d -> seen.accept(wec, d)));
    }
  }

  /**
   * Applies BindingPolicy {@code name}: the clusters labelled {@code clusterLabels} get the objects
   * (and namespaces) labelled {@code objectLabels}.
   */
  static void policy(
      KubernetesClient wds,
      String name,
      Map<String, String> clusterLabels,
      Map<String, String> objectLabels) {
    SpaceObjects.bindingPolicy(
        wds,
        name,
        Map.of(
            "clusterSelectors",
            List.of(Map.of("matchLabels", clusterLabels)),
            "downsync",
            List.of(Map.of("objectSelectors", List.of(Map.of("matchLabels", objectLabels))))));
  }

  /**
   * A drift, as {@code kubectl scale} makes one: sets {@code spec.replicas} of a WEC's copy of a
   * Deployment to 2, as field manager {@code bench-edit}.
   */
  static void scaleToTwo(KubernetesClient wec, String namespace, String name) {
    wec.apps()
        .deployments()
        .inNamespace(namespace)
        .withName(name)
        .patch(
            new PatchContext.Builder()
                .withPatchType(PatchType.JSON_MERGE)
                .withFieldManager("bench-edit")
                .build(),
            "{\"spec\":{\"replicas\":2}}");
  }
}
