/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.model.binding;

import io.kubestellar.model.GroupResource;
import java.util.Collection;
import java.util.Set;

/**
 * Which resource types of a WDS can be bound (spec §3.2): those that can be listed and watched,
 * minus the groups and resources KubeStellar never downsyncs, minus groups outside the allow-list.
 */
public final class ResourceFilter {

  /** Groups never bound. */
  public static final Set<String> EXCLUDED_GROUPS =
      Set.of(
          "flowcontrol.apiserver.k8s.io",
          "discovery.k8s.io",
          "apiregistration.k8s.io",
          "coordination.k8s.io",
          "control.kubestellar.io");

  /** Individual resources never bound. */
  public static final Set<GroupResource> EXCLUDED_RESOURCES =
      Set.of(
          new GroupResource("", "events"),
          new GroupResource("events.k8s.io", "events"),
          new GroupResource("", "nodes"),
          new GroupResource("", "endpoints"),
          new GroupResource("storage.k8s.io", "csistoragecapacities"),
          new GroupResource("storage.k8s.io", "csinodes"),
          new GroupResource("control.kubestellar.io", "workstatuses"));

  /** Groups always allowed, even with an allow-list: CRDs drive what is watched. */
  public static final Set<String> ALWAYS_ALLOWED = Set.of("apiextensions.k8s.io");

  private final Set<String> allowedGroups;

  /**
   * @param allowedGroups groups that may be bound; null or empty for every group
   */
  public ResourceFilter(Set<String> allowedGroups) {
    this.allowedGroups = allowedGroups == null ? Set.of() : Set.copyOf(allowedGroups);
  }

  /** Whether objects of the type may be bound, given the verbs its discovery entry lists. */
  public boolean bindable(GroupResource type, Collection<String> verbs) {
    return verbs.contains("list") && verbs.contains("watch") && allowed(type);
  }

  /** Whether the type passes the exclusions and the allow-list (verbs aside). */
  public boolean allowed(GroupResource type) {
    if (type.resource().contains("/")
        || EXCLUDED_GROUPS.contains(type.group())
        || EXCLUDED_RESOURCES.contains(type)) {
      return false;
    }
    return allowedGroups.isEmpty()
        || allowedGroups.contains(type.group())
        || ALWAYS_ALLOWED.contains(type.group());
  }
}
