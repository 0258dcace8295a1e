/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.api.control.v1alpha1;

/**
 * JSON merge patches that the CRD generator applies to a class's schema (through
 * {@code @SchemaCustomizer}) for what its annotations cannot express: list and map types, formats,
 * and the extra constraints on fabric8's {@code LabelSelector}.
 */
final class SchemaPatches {
  /** Label value syntax (empty, or alphanumeric ends with {@code -_.} inside). */
  static final String LABEL_VALUE = "^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$";

  /** Label key syntax (JSON-escaped): optional DNS-subdomain prefix and slash, then a name. */
  static final String LABEL_KEY =
      "^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?"
          + "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$";

  /** The selector operators the API accepts in cluster selectors. */
  static final String SELECTOR_OPERATOR = "^(In|NotIn|Exists|DoesNotExist)$";

  /** A label selector as Kubernetes declares it: atomic, requirements need key and operator. */
  static final String SELECTOR =
      "{\"x-kubernetes-map-type\":\"atomic\",\"properties\":{"
          + "\"matchExpressions\":{\"x-kubernetes-list-type\":\"atomic\",\"items\":{"
          + "\"required\":[\"key\",\"operator\"],"
          + "\"properties\":{\"values\":{\"x-kubernetes-list-type\":\"atomic\"}}}}}}";

  /** A label selector whose label values, keys and operators are syntax-checked at admission. */
  static final String CHECKED_SELECTOR =
      "{\"x-kubernetes-map-type\":\"atomic\",\"properties\":{"
          + "\"matchLabels\":{\"additionalProperties\":{\"pattern\":\""
          + LABEL_VALUE
          + "\"}},"
          + "\"matchExpressions\":{\"x-kubernetes-list-type\":\"atomic\",\"items\":{"
          + "\"required\":[\"key\",\"operator\"],"
          + "\"properties\":{"
          + "\"key\":{\"pattern\":\""
          + LABEL_KEY
          + "\"},"
          + "\"operator\":{\"pattern\":\""
          + SELECTOR_OPERATOR
          + "\"},"
          + "\"values\":{\"x-kubernetes-list-type\":\"atomic\",\"items\":{\"pattern\":\""
          + LABEL_VALUE
          + "\"}}}}}}}";

  /** {@code observedGeneration} is a 64-bit integer. */
  static final String OBSERVED_GENERATION_INT64 =
      "{\"properties\":{\"observedGeneration\":{\"format\":\"int64\"}}}";

  private SchemaPatches() {}
}
