/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.statusaddon.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a ManifestWork's spec says about its objects (D16): the manifest delivered for each, and the
 * update strategy the work agent applies it with ({@code spec.manifestConfigs}, first matching
 * entry wins as in OCM; {@code Update} when none matches).
 */
public final class WorkManifests {

  /** Update strategies under which the work agent does not keep the object as delivered. */
  private static final List<String> NOT_ENFORCED = List.of("CreateOnly", "ReadOnly");

  private record Config(
      String group, String resource, String namespace, String name, String strategy) {}

  private final List<Map<String, Object>> manifests;
  private final List<Config> configs;

  private WorkManifests(List<Map<String, Object>> manifests, List<Config> configs) {
    this.manifests = manifests;
    this.configs = configs;
  }

  /** Reads {@code spec} of a ManifestWork, as decoded JSON; null means an empty spec. */
  @SuppressWarnings("unchecked")
  public static WorkManifests fromSpec(Map<String, Object> spec) {
    var manifests = new ArrayList<Map<String, Object>>();
    var configs = new ArrayList<Config>();
    if (spec != null) {
      if (spec.get("workload") instanceof Map<?, ?> workload
          && workload.get("manifests") instanceof List<?> list) {
        for (var item : list) {
          if (item instanceof Map<?, ?> manifest) {
            manifests.add((Map<String, Object>) manifest);
          }
        }
      }
      if (spec.get("manifestConfigs") instanceof List<?> list) {
        for (var item : list) {
          if (item instanceof Map<?, ?> config
              && config.get("resourceIdentifier") instanceof Map<?, ?> id) {
            var strategy =
                config.get("updateStrategy") instanceof Map<?, ?> s && s.get("type") != null
                    ? String.valueOf(s.get("type"))
                    : "Update";
            configs.add(
                new Config(
                    text(id.get("group")),
                    text(id.get("resource")),
                    text(id.get("namespace")),
                    text(id.get("name")),
                    strategy));
          }
        }
      }
    }
    return new WorkManifests(List.copyOf(manifests), List.copyOf(configs));
  }

  /**
   * The manifest of the object with this API group, kind, namespace ({@code ""} when
   * cluster-scoped) and name; null when the work delivers none.
   */
  @SuppressWarnings("unchecked")
  public Map<String, Object> manifestFor(String group, String kind, String namespace, String name) {
    for (var manifest : manifests) {
      var apiVersion = text(manifest.get("apiVersion"));
      int slash = apiVersion.indexOf('/');
      var manifestGroup = slash < 0 ? "" : apiVersion.substring(0, slash);
      var metadata =
          manifest.get("metadata") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
      if (manifestGroup.equals(group)
          && kind.equals(manifest.get("kind"))
          && namespace.equals(text(metadata.get("namespace")))
          && name.equals(metadata.get("name"))) {
        return manifest;
      }
    }
    return null;
  }

  /** The update strategy type the work agent uses for the object. */
  public String updateStrategy(GroupVersionResource type, String namespace, String name) {
    for (var config : configs) {
      if (config.group().equals(type.group())
          && config.resource().equals(type.resource())
          && matches(config.namespace(), namespace)
          && matches(config.name(), name)) {
        return config.strategy();
      }
    }
    return "Update";
  }

  /**
   * Whether the work agent keeps the object as delivered, so that a difference in the cluster is
   * drift; under {@code CreateOnly} (and {@code ReadOnly}) a change in the cluster is expected.
   */
  public boolean enforced(GroupVersionResource type, String namespace, String name) {
    return !NOT_ENFORCED.contains(updateStrategy(type, namespace, name));
  }

  /** OCM's wildcard matching of names and namespaces: {@code *} matches any run of characters. */
  static boolean matches(String pattern, String value) {
    if (pattern.equals("*")) {
      return true;
    }
    if (!pattern.contains("*")) {
      return pattern.equals(value);
    }
    var regex = new StringBuilder();
    for (var part : pattern.split("\\*", -1)) {
      if (!regex.isEmpty()) {
        regex.append(".*");
      }
      regex.append(java.util.regex.Pattern.quote(part));
    }
    return value.matches(regex.toString());
  }

  private static String text(Object value) {
    return value == null ? "" : String.valueOf(value);
  }
}
