/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.statusaddon.model;

import java.util.Set;

/**
 * Resource types the agent never watches nor reports on, as upstream: RBAC objects,
 * ServiceAccounts, Secrets and ConfigMaps. They have no status worth returning, Secrets must not be
 * cached by the agent, and leaving them out keeps the agent's WEC rights narrower in practice.
 */
public final class ExcludedResources {

  private static final Set<String> EXCLUDED =
      Set.of(
          "rbac.authorization.k8s.io/clusterrolebindings",
          "rbac.authorization.k8s.io/clusterroles",
          "rbac.authorization.k8s.io/rolebindings",
          "rbac.authorization.k8s.io/roles",
          "/secrets",
          "/configmaps",
          "/serviceaccounts");

  private ExcludedResources() {}

  /** Whether objects of this type are left out (whatever the version). */
  public static boolean excluded(GroupVersionResource type) {
    return EXCLUDED.contains(type.group() + "/" + type.resource());
  }
}
