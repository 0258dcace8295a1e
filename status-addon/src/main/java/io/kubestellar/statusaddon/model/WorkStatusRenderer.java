/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.statusaddon.model;

import io.kubestellar.api.WireNames;
import java.util.TreeMap;

/**
 * Computes the WorkStatus for one delivered object from the AppliedManifestWork that anchors it,
 * the ManifestWork that delivered it and the object itself (status.md §5.4, D2).
 */
public final class WorkStatusRenderer {

  private WorkStatusRenderer() {}

  /**
   * The desired WorkStatus.
   *
   * @param clusterNamespace the WEC's namespace in the ITS
   * @param appliedManifestWorkUid UID of the AppliedManifestWork anchoring the object
   * @param work the ManifestWork (must qualify; see {@link ManifestWorkQualification})
   * @param object the object in the WEC
   */
  public static DesiredWorkStatus render(
      String clusterNamespace,
      String appliedManifestWorkUid,
      ManifestWorkFacts work,
      DeliveredObject object) {
    var type = object.type();
    var labels = new TreeMap<>(work.labels());
    // Upstream adds the object's singleton label on top; unlike upstream, it also goes away again
    // when the object loses it, because the label set is recomputed on every change.
    var singleton = object.labels().get(WireNames.SINGLETON_STATUS_LABEL);
    if (singleton != null) {
      labels.put(WireNames.SINGLETON_STATUS_LABEL, singleton);
    }
    var owner =
        new OwnerReference(
            OwnerReference.OCM_WORK_API_VERSION,
            "ManifestWork",
            work.name(),
            work.uid(),
            true,
            true);
    var source =
        new SourceIdentity(
            type.group(),
            type.version(),
            type.resource(),
            object.kind(),
            object.namespace(),
            object.name());
    return new DesiredWorkStatus(
        WorkStatusNaming.name(
            appliedManifestWorkUid,
            type.apiVersion(),
            object.kind(),
            object.namespace(),
            object.name()),
        clusterNamespace,
        java.util.Collections.unmodifiableMap(labels),
        owner,
        source,
        StatusDetailsValues.FIXED,
        object.status());
  }
}
