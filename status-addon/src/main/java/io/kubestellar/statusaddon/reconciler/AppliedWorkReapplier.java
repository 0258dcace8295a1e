/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.statusaddon.reconciler;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.kubestellar.api.WireNames;
import io.kubestellar.ocm.work.v1.AppliedManifestWork;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * Asks the OCM work agent to re-apply a ManifestWork at once (D16): a merge patch of its
 * AppliedManifestWork in the WEC setting {@link WireNames#REAPPLY_REQUESTED_ANNOTATION} to the time
 * of the request. The agent re-applies a work on any event of it or of its AppliedManifestWork;
 * without one it would only do so at its resync, every 5 minutes.
 */
public class AppliedWorkReapplier {

  private static final DateTimeFormatter RFC3339_MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final KubernetesClient wec;

  public AppliedWorkReapplier(KubernetesClient wec) {
    this.wec = wec;
  }

  /** Requests the re-apply; throws KubernetesClientException when the WEC refuses the patch. */
  public void requestReapply(String appliedManifestWorkName, Instant now) {
    var patch =
        Map.of(
            "metadata",
            Map.of(
                "annotations",
                Map.of(WireNames.REAPPLY_REQUESTED_ANNOTATION, RFC3339_MILLIS.format(now))));
    wec.resources(AppliedManifestWork.class)
        .withName(appliedManifestWorkName)
        .patch(
            PatchContext.of(PatchType.JSON_MERGE), wec.getKubernetesSerialization().asJson(patch));
  }

  /** The annotation value for a time, as written. */
  static String format(Instant time) {
    return RFC3339_MILLIS.format(time);
  }
}
