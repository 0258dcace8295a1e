/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.model.status;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Deep equality of JSON trees with numbers compared by value ({@code 3}, {@code 3.0} and a long
 * {@code 3} are equal), as needed to skip writes of unchanged {@code .status} and Object cells
 * regardless of how a client decoded the numbers.
 */
public final class JsonEquality {

  private JsonEquality() {}

  /** Whether {@code a} and {@code b} hold the same JSON value; {@code null} equals JSON null. */
  public static boolean equal(JsonNode a, JsonNode b) {
    boolean aNull = a == null || a.isNull() || a.isMissingNode();
    boolean bNull = b == null || b.isNull() || b.isMissingNode();
    if (aNull || bNull) {
      return aNull && bNull;
    }
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    if (a.getNodeType() != b.getNodeType()) {
      return false;
    }
    if (a.isObject()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
        var entry = it.next();
        var other = b.get(entry.getKey());
        if (other == null || !equal(entry.getValue(), other)) {
          return false;
        }
      }
      return true;
    }
    if (a.isArray()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (int i = 0; i < a.size(); i++) {
        if (!equal(a.get(i), b.get(i))) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }
}
