/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.model.binding;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One JSON Patch (RFC 6902) operation on a JSON tree of maps, lists and scalars.
 *
 * @param op {@code add}, {@code remove}, {@code replace} or {@code test}
 * @param path JSON Pointer (RFC 6901) of the target
 * @param value the value for {@code add}, {@code replace} and {@code test}; unused by {@code
 *     remove}
 */
public record PatchOperation(String op, String path, Object value) {

  public static PatchOperation add(String path, Object value) {
    return new PatchOperation("add", path, value);
  }

  public static PatchOperation remove(String path) {
    return new PatchOperation("remove", path, null);
  }

  public static PatchOperation replace(String path, Object value) {
    return new PatchOperation("replace", path, value);
  }

  public static PatchOperation test(String path, Object value) {
    return new PatchOperation("test", path, value);
  }

  /** The pointer to a member or element below {@code parent}, escaping {@code ~} and {@code /}. */
  public static String pointer(String parent, String token) {
    return parent + "/" + token.replace("~", "~0").replace("/", "~1");
  }

  /** The operation as it goes on the wire: {@code op}, {@code path}, and {@code value} if any. */
  public Map<String, Object> wire() {
    var wire = new LinkedHashMap<String, Object>();
    wire.put("op", op);
    wire.put("path", path);
    if (!op.equals("remove")) {
      wire.put("value", value);
    }
    return wire;
  }
}
