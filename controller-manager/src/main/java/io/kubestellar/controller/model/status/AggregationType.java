/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.model.status;

import java.util.Optional;

/** The aggregations a {@code combinedFields} item can ask for. */
public enum AggregationType {
  COUNT,
  SUM,
  AVG,
  MIN,
  MAX;

  /** The type spelled exactly as {@code text} (upper case, as the API documents), if any. */
  public static Optional<AggregationType> parse(String text) {
    for (var type : values()) {
      if (type.name().equals(text)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
