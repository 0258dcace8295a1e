/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.model.binding;

import java.util.List;
import java.util.Map;

/** The length of a JSON tree written compactly, ignoring string escapes (an estimate). */
final class JsonLength {

  private JsonLength() {}

  static long of(Object value) {
    if (value == null) {
      return 4;
    }
    if (value instanceof String s) {
      return s.length() + 2L;
    }
    if (value instanceof Map<?, ?> map) {
      long length = 2 + Math.max(0, map.size() - 1);
      for (var entry : map.entrySet()) {
        length += String.valueOf(entry.getKey()).length() + 3L + of(entry.getValue());
      }
      return length;
    }
    if (value instanceof List<?> list) {
      long length = 2 + Math.max(0, list.size() - 1);
      for (var element : list) {
        length += of(element);
      }
      return length;
    }
    return String.valueOf(value).length();
  }
}
