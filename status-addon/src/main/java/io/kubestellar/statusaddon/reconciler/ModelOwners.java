/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.statusaddon.reconciler;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.kubestellar.statusaddon.model.OwnerReference;
import java.util.ArrayList;
import java.util.List;

/** The owner references of an object as the model's values (WEC objects and WorkStatuses alike). */
final class ModelOwners {

  private ModelOwners() {}

  /** The object's owner references, in order; empty when it has none. */
  static List<OwnerReference> of(HasMetadata object) {
    var owners = new ArrayList<OwnerReference>();
    if (object.getMetadata().getOwnerReferences() != null) {
      for (var ref : object.getMetadata().getOwnerReferences()) {
        owners.add(
            new OwnerReference(
                ref.getApiVersion(),
                ref.getKind(),
                ref.getName(),
                ref.getUid(),
                ref.getController(),
                ref.getBlockOwnerDeletion()));
      }
    }
    return owners;
  }
}
