/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.statusaddon.reconciler;

import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks at startup what the agent needs in both spaces, so that a missing CRD or a missing
 * permission stops it at once with a message saying what to fix, instead of failing later on the
 * first write that needs it.
 */
public final class Preflight {

  /** One permission the agent needs. */
  record Permission(String verb, String group, String resource, String subresource) {
    String describe() {
      return verb
          + " "
          + resource
          + (subresource.isEmpty() ? "" : "/" + subresource)
          + (group.isEmpty() ? "" : "." + group);
    }
  }

  /** What the agent does in its ITS namespace; matches src/main/rbac/its-rbac.yaml. */
  static final List<Permission> ITS_PERMISSIONS =
      List.of(
          new Permission("get", "control.kubestellar.io", "workstatuses", ""),
          new Permission("list", "control.kubestellar.io", "workstatuses", ""),
          new Permission("watch", "control.kubestellar.io", "workstatuses", ""),
          new Permission("create", "control.kubestellar.io", "workstatuses", ""),
          new Permission("patch", "control.kubestellar.io", "workstatuses", ""),
          new Permission("delete", "control.kubestellar.io", "workstatuses", ""),
          new Permission("patch", "control.kubestellar.io", "workstatuses", "status"),
          new Permission("get", "work.open-cluster-management.io", "manifestworks", ""),
          new Permission("list", "work.open-cluster-management.io", "manifestworks", ""),
          new Permission("watch", "work.open-cluster-management.io", "manifestworks", ""));

  /** What the agent needs in the WEC before it knows which kinds it will follow. */
  static final List<Permission> WEC_PERMISSIONS =
      List.of(
          new Permission("get", "work.open-cluster-management.io", "appliedmanifestworks", ""),
          new Permission("list", "work.open-cluster-management.io", "appliedmanifestworks", ""),
          new Permission("watch", "work.open-cluster-management.io", "appliedmanifestworks", ""));

  /** What drift repair (D16) needs in the WEC: asking the work agent to re-apply a work. */
  static final List<Permission> WEC_REPAIR_PERMISSIONS =
      List.of(
          new Permission("patch", "work.open-cluster-management.io", "appliedmanifestworks", ""));

  private Preflight() {}

  /**
   * Throws IllegalStateException naming whatever is missing; {@code driftRepair}: the agent will
   * patch AppliedManifestWorks.
   */
  public static void check(
      KubernetesClient wec, KubernetesClient its, String clusterNamespace, boolean driftRepair) {
    requireResource(
        its,
        "ITS",
        "control.kubestellar.io/v1alpha1",
        "workstatuses",
        "the WorkStatus CRD (workstatuses.control.kubestellar.io) is not installed in the ITS;"
            + " install config/crd/control.kubestellar.io_workstatuses.yaml (the KubeStellar chart"
            + " does)");
    requireResource(
        wec,
        "WEC",
        "work.open-cluster-management.io/v1",
        "appliedmanifestworks",
        "the WEC has no AppliedManifestWork CRD; is the OCM work agent (klusterlet) installed?");
    requirePermissions(its, "ITS", clusterNamespace, ITS_PERMISSIONS, "its-rbac.yaml");
    var wecPermissions = new ArrayList<>(WEC_PERMISSIONS);
    if (driftRepair) {
      wecPermissions.addAll(WEC_REPAIR_PERMISSIONS);
    }
    requirePermissions(wec, "WEC", null, wecPermissions, "wec-rbac.yaml");
  }

  private static void requireResource(
      KubernetesClient client, String space, String groupVersion, String resource, String hint) {
    try {
      var resources = client.getApiResources(groupVersion);
      if (resources != null
          && resources.getResources() != null
          && resources.getResources().stream().anyMatch(r -> resource.equals(r.getName()))) {
        return;
      }
    } catch (KubernetesClientException e) {
      throw new IllegalStateException(
          "cannot read API discovery of the " + space + ": " + e.getMessage(), e);
    }
    throw new IllegalStateException(hint);
  }

  private static void requirePermissions(
      KubernetesClient client,
      String space,
      String namespace,
      List<Permission> permissions,
      String rbacFile) {
    var missing = new ArrayList<String>();
    for (var permission : permissions) {
      var review =
          new SelfSubjectAccessReviewBuilder()
              .withNewSpec()
              .withNewResourceAttributes()
              .withVerb(permission.verb())
              .withGroup(permission.group())
              .withResource(permission.resource())
              .withSubresource(permission.subresource())
              .withNamespace(namespace)
              .endResourceAttributes()
              .endSpec()
              .build();
      var answer = client.authorization().v1().selfSubjectAccessReview().create(review);
      if (answer.getStatus() == null || !Boolean.TRUE.equals(answer.getStatus().getAllowed())) {
        missing.add(permission.describe());
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalStateException(
          "the agent's identity in the "
              + space
              + " lacks permissions"
              + (namespace == null ? "" : " in namespace " + namespace)
              + ": "
              + String.join(", ", missing)
              + "; grant them as status-addon/src/main/rbac/"
              + rbacFile
              + " does (see docs/status-addon.md)");
    }
  }
}
