/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.statusaddon.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code statusDetails} of a WorkStatus. Upstream writes fixed values and no reader relies on
 * them, so the agent writes the same fixed values.
 */
public record StatusDetailsValues(
    Long lastGeneration, Boolean lastGenerationIsApplied, String lastCurrencyUpdateTime) {

  /** What the agent writes. */
  public static final StatusDetailsValues FIXED =
      new StatusDetailsValues(0L, false, "1970-01-01T00:00:00Z");

  /** As decoded JSON. */
  public Map<String, Object> toJson() {
    var json = new LinkedHashMap<String, Object>();
    json.put("lastGeneration", lastGeneration);
    json.put("lastGenerationIsApplied", lastGenerationIsApplied);
    json.put("lastCurrencyUpdateTime", lastCurrencyUpdateTime);
    return json;
  }
}
