/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.statusaddon.model;

import io.kubestellar.api.WireNames;
import java.util.Map;

/**
 * Decides whether a ManifestWork is KubeStellar's: only the objects of such works get a WorkStatus.
 * Upstream's test is kept (D2): at least one label key starts with {@code
 * managed-by.kubestellar.io} or {@code transport.kubestellar.io}.
 */
public final class ManifestWorkQualification {

  private ManifestWorkQualification() {}

  /** Whether a ManifestWork with these labels qualifies; null means no labels. */
  public static boolean qualifies(Map<String, String> manifestWorkLabels) {
    if (manifestWorkLabels == null) {
      return false;
    }
    for (var key : manifestWorkLabels.keySet()) {
      if (key.startsWith(WireNames.MANAGED_BY_PREFIX)
          || key.startsWith(WireNames.TRANSPORT_PREFIX)) {
        return true;
      }
    }
    return false;
  }
}
