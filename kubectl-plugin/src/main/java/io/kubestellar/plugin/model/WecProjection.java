/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.plugin.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;

/**
 * The part of a WEC copy that corresponds to what was sent. Fields the WEC owns are left out:
 * {@code status}, server-set metadata, and every map key that was not sent (defaults filled in by
 * the WEC's API server and controllers). Lists are compared element by element; elements with a
 * {@code name} are paired by name, and elements only the WEC has are kept (they are real
 * differences). The result follows the sent object's key order, so both print alike.
 */
public final class WecProjection {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private WecProjection() {}

  /**
   * What of a sent object can be compared with a WEC copy: without {@code
   * metadata.creationTimestamp} (each space sets its own), null values and empty maps (the API
   * server stores neither, and server-side apply reads a null as "not set"). A copy; the argument
   * is not modified.
   */
  public static JsonNode comparable(JsonNode sent) {
    var copy = sent.deepCopy();
    if (copy.path("metadata") instanceof ObjectNode metadata) {
      metadata.remove("creationTimestamp");
    }
    prune(copy);
    return copy;
  }

  private static void prune(JsonNode node) {
    if (node instanceof ObjectNode object) {
      var names = new java.util.ArrayList<String>();
      object.fieldNames().forEachRemaining(names::add);
      for (var name : names) {
        var child = object.get(name);
        prune(child);
        if (child.isNull() || (child.isObject() && child.isEmpty())) {
          object.remove(name);
        }
      }
    } else if (node instanceof ArrayNode array) {
      array.forEach(WecProjection::prune);
    }
  }

  /** The projection of {@code wec} onto the shape of {@code sent}. */
  public static JsonNode project(JsonNode sent, JsonNode wec) {
    if (wec == null || wec.isMissingNode()) {
      return null;
    }
    if (sent instanceof ObjectNode sentObject && wec instanceof ObjectNode wecObject) {
      var result = NODES.objectNode();
      sentObject
          .fieldNames()
          .forEachRemaining(
              name -> {
                var projected = project(sentObject.get(name), wecObject.get(name));
                if (projected != null) {
                  result.set(name, projected);
                }
              });
      return result;
    }
    if (sent instanceof ArrayNode sentArray && wec instanceof ArrayNode wecArray) {
      return projectList(sentArray, wecArray);
    }
    return wec;
  }

  private static ArrayNode projectList(ArrayNode sent, ArrayNode wec) {
    var result = NODES.arrayNode();
    if (named(sent) && named(wec)) {
      var used = new HashSet<String>();
      for (var element : sent) {
        var name = element.get("name").asText();
        for (var candidate : wec) {
          if (candidate.get("name").asText().equals(name)) {
            result.add(project(element, candidate));
            used.add(name);
            break;
          }
        }
      }
      for (var candidate : wec) {
        if (!used.contains(candidate.get("name").asText())) {
          result.add(candidate);
        }
      }
      return result;
    }
    for (int i = 0; i < wec.size(); i++) {
      result.add(i < sent.size() ? project(sent.get(i), wec.get(i)) : wec.get(i));
    }
    return result;
  }

  private static boolean named(ArrayNode list) {
    for (var element : list) {
      if (!element.isObject() || !element.path("name").isTextual()) {
        return false;
      }
    }
    return !list.isEmpty();
  }
}
