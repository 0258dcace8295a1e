/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.model.status;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;

/**
 * A total order on cells, used to sort grouped rows (D11 needs a deterministic order before {@code
 * limit} cuts rows off). Types order as Null, Bool, Number, String, Object, Array; numbers by value
 * with NaN last; strings by UTF-16 code units; objects and arrays by their JSON text.
 */
public final class ValueOrder implements Comparator<Value> {

  public static final ValueOrder INSTANCE = new ValueOrder();

  /** Orders lists cell by cell, shorter first on a common prefix. */
  public static final Comparator<List<Value>> LISTS =
      (a, b) -> {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
          int c = INSTANCE.compare(a.get(i), b.get(i));
          if (c != 0) {
            return c;
          }
        }
        return Integer.compare(a.size(), b.size());
      };

  private ValueOrder() {}

  @Override
  public int compare(Value a, Value b) {
    int byType = Integer.compare(rank(a.type()), rank(b.type()));
    if (byType != 0) {
      return byType;
    }
    return switch (a.type()) {
      case Null -> 0;
      case Bool -> Boolean.compare(a.bool(), b.bool());
      case Number -> compareNumbers(a.number(), b.number());
      case String -> a.string().compareTo(b.string());
      case Object -> a.object().toString().compareTo(b.object().toString());
      case Array -> a.array().toString().compareTo(b.array().toString());
    };
  }

  private static int rank(Value.Type type) {
    return switch (type) {
      case Null -> 0;
      case Bool -> 1;
      case Number -> 2;
      case String -> 3;
      case Object -> 4;
      case Array -> 5;
    };
  }

  private static int compareNumbers(String a, String b) {
    var x = numeric(a);
    var y = numeric(b);
    if (x == null || y == null) {
      // NaN and unparsable text sort after every number, then by text.
      if (x != null) {
        return -1;
      }
      if (y != null) {
        return 1;
      }
      return a.compareTo(b);
    }
    int c = x.compareTo(y);
    return c != 0 ? c : a.compareTo(b);
  }

  private static BigDecimal numeric(String text) {
    return switch (text) {
      case "+Inf" -> BigDecimal.valueOf(Double.MAX_VALUE).multiply(BigDecimal.TEN);
      case "-Inf" -> BigDecimal.valueOf(Double.MAX_VALUE).multiply(BigDecimal.TEN).negate();
      default -> {
        try {
          yield new BigDecimal(text);
        } catch (NumberFormatException e) {
          yield null;
        }
      }
    };
  }
}
