/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.model.binding;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A strict RFC 6902 applier for tests: fails on every path that does not resolve. */
final class JsonPatchApplier {

  private JsonPatchApplier() {}

  /** The document after the operations, applied in order to a deep copy. */
  static Map<String, Object> apply(Map<String, Object> document, List<PatchOperation> ops) {
    Object root = copy(document);
    for (var op : ops) {
      root = apply(root, op);
    }
    @SuppressWarnings("unchecked")
    var result = (Map<String, Object>) root;
    return result;
  }

  private static Object apply(Object root, PatchOperation op) {
    if (op.path().isEmpty()) {
      throw new IllegalArgumentException("operations on the root are not used: " + op);
    }
    var tokens = op.path().substring(1).split("/", -1);
    Object parent = root;
    for (int i = 0; i < tokens.length - 1; i++) {
      parent = child(parent, unescape(tokens[i]), op);
    }
    var last = unescape(tokens[tokens.length - 1]);
    switch (op.op()) {
      case "test" -> {
        if (!Objects.equals(child(parent, last, op), op.value())) {
          throw new IllegalStateException("test failed: " + op);
        }
      }
      case "remove" -> {
        if (parent instanceof Map<?, ?> map) {
          if (!map.containsKey(last)) {
            throw new IllegalStateException("no member to remove: " + op);
          }
          map.remove(last);
        } else {
          list(parent, op).remove(index(last, list(parent, op).size() - 1, op));
        }
      }
      case "replace" -> {
        if (parent instanceof Map<?, ?> map) {
          if (!map.containsKey(last)) {
            throw new IllegalStateException("no member to replace: " + op);
          }
          member(map).put(last, copy(op.value()));
        } else {
          list(parent, op).set(index(last, list(parent, op).size() - 1, op), copy(op.value()));
        }
      }
      case "add" -> {
        if (parent instanceof Map<?, ?> map) {
          member(map).put(last, copy(op.value()));
        } else {
          var list = list(parent, op);
          list.add(last.equals("-") ? list.size() : index(last, list.size(), op), copy(op.value()));
        }
      }
      default -> throw new IllegalArgumentException("unknown operation " + op);
    }
    return root;
  }

  private static Object child(Object parent, String token, PatchOperation op) {
    if (parent instanceof Map<?, ?> map) {
      if (!map.containsKey(token)) {
        throw new IllegalStateException("no member " + token + ": " + op);
      }
      return map.get(token);
    }
    var list = list(parent, op);
    return list.get(index(token, list.size() - 1, op));
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object node, PatchOperation op) {
    if (!(node instanceof List<?>)) {
      throw new IllegalStateException("not a container: " + op);
    }
    return (List<Object>) node;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> member(Map<?, ?> map) {
    return (Map<String, Object>) map;
  }

  private static int index(String token, int max, PatchOperation op) {
    if (!token.matches("0|[1-9][0-9]*") || Integer.parseInt(token) > max) {
      throw new IllegalStateException("index " + token + " out of range: " + op);
    }
    return Integer.parseInt(token);
  }

  private static String unescape(String token) {
    return token.replace("~1", "/").replace("~0", "~");
  }

  private static Object copy(Object value) {
    if (value instanceof Map<?, ?> map) {
      var copy = new LinkedHashMap<String, Object>();
      map.forEach((k, v) -> copy.put((String) k, copy(v)));
      return copy;
    }
    if (value instanceof List<?> list) {
      var copy = new ArrayList<Object>();
      list.forEach(v -> copy.add(copy(v)));
      return copy;
    }
    return value;
  }
}
