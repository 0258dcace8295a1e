/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.bench;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.kubestellar.localenv.AdminComponents;
import io.kubestellar.localenv.SpaceObjects;
import java.util.Map;

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
}
