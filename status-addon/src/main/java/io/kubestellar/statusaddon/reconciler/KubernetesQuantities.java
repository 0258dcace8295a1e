/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.statusaddon.reconciler;

import io.fabric8.kubernetes.api.model.Quantity;
import io.kubestellar.statusaddon.model.DriftDetector;
import java.util.regex.Pattern;

/** Quantity equality for the drift detector, by fabric8's {@link Quantity} ("0.5" = "500m"). */
public final class KubernetesQuantities implements DriftDetector.QuantityEquality {

  /** The quantity grammar of Kubernetes (resource.Quantity): a number and a suffix. */
  private static final Pattern QUANTITY =
      Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+|[KMGTPE]i|[numkMGTPE])?");

  @Override
  public boolean equal(String a, String b) {
    if (!QUANTITY.matcher(a).matches() || !QUANTITY.matcher(b).matches()) {
      return false;
    }
    try {
      return Quantity.parse(a)
              .getNumericalAmount()
              .compareTo(Quantity.parse(b).getNumericalAmount())
          == 0;
    } catch (RuntimeException e) {
      return false;
    }
  }
}
