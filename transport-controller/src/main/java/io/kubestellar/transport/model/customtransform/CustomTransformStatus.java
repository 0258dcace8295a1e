/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.transport.model.customtransform;

import java.util.List;

/**
 * The status the transport writes into a CustomTransform when it digests it (§5.1).
 *
 * @param observedGeneration the generation digested
 * @param errors one entry per unusable {@code spec.remove} element
 * @param warnings set when several CustomTransforms name the same group and resource
 */
public record CustomTransformStatus(
    long observedGeneration, List<String> errors, List<String> warnings) {

  public CustomTransformStatus {
    errors = List.copyOf(errors);
    warnings = List.copyOf(warnings);
  }
}
