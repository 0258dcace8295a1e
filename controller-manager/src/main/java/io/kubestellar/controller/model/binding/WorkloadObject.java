/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.model.binding;

import java.util.Map;

/**
 * What matching needs of a WDS workload object.
 *
 * @param ref group, resource, namespace and name
 * @param version the API version the object was read at
 * @param resourceVersion its {@code metadata.resourceVersion}
 * @param labels its labels
 */
public record WorkloadObject(
    ObjectRef ref, String version, String resourceVersion, Map<String, String> labels) {

  public WorkloadObject {
    labels = labels == null ? Map.of() : labels;
  }
}
