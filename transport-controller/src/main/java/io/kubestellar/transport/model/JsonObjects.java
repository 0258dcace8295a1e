/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.transport.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Small read helpers over Jackson object trees shaped like Kubernetes objects. */
public final class JsonObjects {

  private JsonObjects() {}

  /** The text of a string member, or {@code ""} when absent or not a string. */
  public static String text(JsonNode node, String field) {
    var value = node == null ? null : node.get(field);
    return value != null && value.isTextual() ? value.textValue() : "";
  }

  /** The group part of an apiVersion: {@code "apps"} for {@code apps/v1}, {@code ""} for v1. */
  public static String groupOf(String apiVersion) {
    int slash = apiVersion.indexOf('/');
    return slash < 0 ? "" : apiVersion.substring(0, slash);
  }

  /** The member as an object node, or null when absent or not an object. */
  public static ObjectNode objectAt(JsonNode node, String... path) {
    var current = node;
    for (var step : path) {
      if (current == null || !current.isObject()) {
        return null;
      }
      current = current.get(step);
    }
    return current instanceof ObjectNode object ? object : null;
  }
}
