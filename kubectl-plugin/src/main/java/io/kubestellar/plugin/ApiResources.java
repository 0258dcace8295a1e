/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.plugin;

import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.kubestellar.controller.model.binding.ResourceFilter;
import io.kubestellar.model.GroupResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The resource types of a space at their preferred versions, from API discovery. */
final class ApiResources {

  /**
   * One resource type.
   *
   * @param group API group ({@code ""} for core)
   * @param version preferred version
   * @param resource plural name
   * @param kind kind
   * @param namespaced whether its objects live in namespaces
   * @param singular singular name
   * @param shortNames short names
   * @param verbs verbs
   */
  record Type(
      String group,
      String version,
      String resource,
      String kind,
      boolean namespaced,
      String singular,
      List<String> shortNames,
      List<String> verbs) {

    String apiVersion() {
      return group.isEmpty() ? version : group + "/" + version;
    }

    GroupResource groupResource() {
      return new GroupResource(group, resource);
    }

    ResourceDefinitionContext context() {
      var discovered = new APIResource();
      discovered.setName(resource);
      discovered.setKind(kind);
      discovered.setNamespaced(namespaced);
      return ResourceDefinitionContext.fromApiResource(apiVersion(), discovered);
    }

    boolean answersTo(String name) {
      return name.equals(resource)
          || name.equals(singular)
          || name.equals(kind.toLowerCase(Locale.ROOT))
          || shortNames.contains(name);
    }
  }

  private final List<Type> types;

  private ApiResources(List<Type> types) {
    this.types = types;
  }

  static ApiResources discover(KubernetesClient client) {
    var types = new ArrayList<Type>();
    add(types, "", "v1", client.getApiResources("v1").getResources());
    for (var group : client.getApiGroups().getGroups()) {
      var preferred = group.getPreferredVersion();
      var version =
          preferred != null ? preferred.getVersion() : group.getVersions().get(0).getVersion();
      var list = client.getApiResources(group.getName() + "/" + version);
      if (list != null) {
        add(types, group.getName(), version, list.getResources());
      }
    }
    return new ApiResources(types);
  }

  private static void add(List<Type> into, String group, String version, List<APIResource> list) {
    for (var r : list) {
      if (r.getName().contains("/")) {
        continue;
      }
      into.add(
          new Type(
              group,
              version,
              r.getName(),
              r.getKind(),
              Boolean.TRUE.equals(r.getNamespaced()),
              r.getSingularName() == null ? "" : r.getSingularName(),
              r.getShortNames() == null ? List.of() : r.getShortNames(),
              r.getVerbs() == null ? List.of() : r.getVerbs()));
    }
  }

  /**
   * The type a kubectl-style name means: {@code deployment}, {@code deployments.apps}, {@code
   * deploy}, {@code Deployment}.
   */
  Type resolve(String name) {
    var lower = name.toLowerCase(Locale.ROOT);
    int dot = lower.indexOf('.');
    var base = dot < 0 ? lower : lower.substring(0, dot);
    var group = dot < 0 ? null : lower.substring(dot + 1);
    return types.stream()
        .filter(t -> group == null || t.group().equals(group))
        .filter(t -> t.answersTo(base))
        // The core group first, as kubectl resolves an unqualified name.
        .min((a, b) -> Boolean.compare(!a.group().isEmpty(), !b.group().isEmpty()))
        .orElseThrow(
            () -> new UserError("the server doesn't have a resource type \"" + name + "\""));
  }

  /** The type of a group and resource. */
  Optional<Type> of(String group, String resource) {
    return types.stream()
        .filter(t -> t.group().equals(group) && t.resource().equals(resource))
        .findFirst();
  }

  /** The type of a group and kind. */
  Optional<Type> ofKind(String group, String kind) {
    return types.stream().filter(t -> t.group().equals(group) && t.kind().equals(kind)).findFirst();
  }

  /** The types the binding controller may bind (the model's own filter). */
  List<Type> bindable() {
    var filter = new ResourceFilter(Set.of());
    return types.stream().filter(t -> filter.bindable(t.groupResource(), t.verbs())).toList();
  }
}
