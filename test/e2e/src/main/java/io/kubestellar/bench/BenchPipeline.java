/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.bench;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.kubestellar.localenv.AdminComponents;
import io.kubestellar.localenv.Crds;
import io.kubestellar.localenv.LocalEnvironment;
import io.kubestellar.localenv.SpaceObjects;
import java.util.List;
import java.util.Map;

/**
 * The whole pipeline for the benchmarks that run it end to end, as the status end-to-end tests run
 * it: the KubeStellar CRDs in the WDS and WorkStatus in the ITS, then the controller-manager, the
 * transport-controller and one status-addon agent per WEC ({@link AdminComponents}).
 */
final class BenchPipeline {

  private BenchPipeline() {}

  /** Installs the CRDs, starts every component for {@code wecs} and waits until each is ready. */
  static AdminComponents start(LocalEnvironment env, List<String> wecs) {
    Crds.installKubeStellar(env.client("wds1"), env.client("its1"));
    var components = new AdminComponents(env);
    components.startPipeline(wecs);
    return components;
  }

  /**
   * A one-replica Deployment {@code namespace/name} with one container, selected by {@code
   * app=<name>}, carrying {@code labels}: what every pipeline benchmark delivers.
   */
  static Deployment deployment(String namespace, String name, Map<String, String> labels) {
    return SpaceObjects.deployment(namespace, name, 1, labels);
  }
}
