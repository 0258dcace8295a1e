/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.transport.model.template;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The template properties of one destination cluster (§5.2), with upstream's precedence: entries of
 * the cluster's ConfigMap in namespace {@code customization-properties} override the
 * ManagedCluster's annotations, which override its labels, which override the built-in {@code
 * clusterName}. Only keys that are Go identifiers become properties.
 *
 * @param values property name to value, sorted by name
 */
public record ClusterProperties(Map<String, String> values) {

  /** The built-in property holding the destination's name. */
  public static final String CLUSTER_NAME = "clusterName";

  public ClusterProperties {
    values = Collections.unmodifiableMap(new TreeMap<>(values));
  }

  /**
   * Collects the properties of a cluster. Any map may be null (a missing ManagedCluster or
   * ConfigMap contributes nothing).
   *
   * @param clusterName the ManagedCluster name, which is also the destination's clusterId
   * @param clusterLabels labels of the ManagedCluster
   * @param clusterAnnotations annotations of the ManagedCluster
   * @param configMapData {@code data} of the property ConfigMap named after the cluster
   * @param configMapBinaryData {@code binaryData} of that ConfigMap, base64-encoded as in the API;
   *     the decoded bytes are read as UTF-8 text
   */
  public static ClusterProperties collect(
      String clusterName,
      Map<String, String> clusterLabels,
      Map<String, String> clusterAnnotations,
      Map<String, String> configMapData,
      Map<String, String> configMapBinaryData) {
    var values = new TreeMap<String, String>();
    values.put(CLUSTER_NAME, clusterName);
    putIdentifiers(values, clusterLabels);
    putIdentifiers(values, clusterAnnotations);
    putIdentifiers(values, configMapData);
    if (configMapBinaryData != null) {
      configMapBinaryData.forEach(
          (key, base64) -> {
            if (GoIdentifiers.isIdentifier(key) && base64 != null) {
              try {
                var bytes = Base64.getDecoder().decode(base64);
                values.put(key, new String(bytes, StandardCharsets.UTF_8));
              } catch (IllegalArgumentException notBase64) {
                // The API server only stores valid base64; nothing sensible to use otherwise.
              }
            }
          });
    }
    return new ClusterProperties(values);
  }

  private static void putIdentifiers(Map<String, String> into, Map<String, String> from) {
    if (from != null) {
      from.forEach(
          (key, value) -> {
            if (GoIdentifiers.isIdentifier(key) && value != null) {
              into.put(key, value);
            }
          });
    }
  }
}
