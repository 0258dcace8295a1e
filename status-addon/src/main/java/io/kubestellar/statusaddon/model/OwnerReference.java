/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.statusaddon.model;

/** An owner reference as plain values. */
public record OwnerReference(
    String apiVersion,
    String kind,
    String name,
    String uid,
    Boolean controller,
    Boolean blockOwnerDeletion) {

  /** API version of OCM's work kinds. */
  public static final String OCM_WORK_API_VERSION = "work.open-cluster-management.io/v1";

  /** Whether this points at an AppliedManifestWork (how the work agent marks what it applied). */
  public boolean isAppliedManifestWork() {
    return OCM_WORK_API_VERSION.equals(apiVersion) && "AppliedManifestWork".equals(kind);
  }
}
