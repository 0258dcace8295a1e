/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.statusaddon.model;

import io.kubestellar.api.control.v1alpha1.Drift;
import java.util.List;
import java.util.Map;

/**
 * A WorkStatus as it is in the ITS.
 *
 * @param labels never null
 * @param ownerReferences never null
 * @param source null when it has no sourceRef
 * @param statusDetails null when absent
 * @param status null when absent
 * @param drift null when absent
 */
public record ObservedWorkStatus(
    String name,
    Map<String, String> labels,
    List<OwnerReference> ownerReferences,
    SourceIdentity source,
    StatusDetailsValues statusDetails,
    Map<String, Object> status,
    Drift drift) {

  /** Without a drift report. */
  public ObservedWorkStatus(
      String name,
      Map<String, String> labels,
      List<OwnerReference> ownerReferences,
      SourceIdentity source,
      StatusDetailsValues statusDetails,
      Map<String, Object> status) {
    this(name, labels, ownerReferences, source, statusDetails, status, null);
  }

  public ObservedWorkStatus {
    labels = labels == null ? Map.of() : labels;
    ownerReferences = ownerReferences == null ? List.of() : ownerReferences;
  }
}
