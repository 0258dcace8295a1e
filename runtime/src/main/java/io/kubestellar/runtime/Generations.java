/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.runtime;

import io.fabric8.kubernetes.api.model.HasMetadata;

/** The {@code metadata.generation} the models compare with {@code status.observedGeneration}. */
public final class Generations {

  private Generations() {}

  /** The object's generation, 0 where the server has not set one (as in objects built in tests). */
  public static long of(HasMetadata object) {
    var generation = object.getMetadata().getGeneration();
    return generation == null ? 0 : generation;
  }
}
