/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.statusaddon.model;

import java.util.Map;

/**
 * What the agent needs to know of a ManifestWork in the ITS.
 *
 * @param labels never null
 */
public record ManifestWorkFacts(String name, String uid, Map<String, String> labels) {

  public ManifestWorkFacts {
    labels = labels == null ? Map.of() : labels;
  }

  /** Whether the work is KubeStellar's (see {@link ManifestWorkQualification}). */
  public boolean qualifies() {
    return ManifestWorkQualification.qualifies(labels);
  }
}
