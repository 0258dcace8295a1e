/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.transport;

import io.kubestellar.runtime.SpaceOptions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Validated configuration of the transport controller.
 *
 * @param wdsName name of the WDS; goes into ManifestWork names and labels
 * @param maxNumWrapped most workload objects in one ManifestWork
 * @param maxSizeWrapped most summed JSON bytes of the objects in one ManifestWork
 */
public record TransportConfig(
    String wdsName,
    SpaceOptions wds,
    SpaceOptions its,
    int maxNumWrapped,
    long maxSizeWrapped,
    boolean leaderElect) {

  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

  public TransportConfig {
    if (wdsName == null || !DNS_LABEL.matcher(wdsName).matches()) {
      throw new IllegalArgumentException(
          "--wds-name must be a DNS label (lowercase letters, digits, '-', at most 63); got '"
              + wdsName
              + "'");
    }
    if (maxNumWrapped < 1) {
      throw new IllegalArgumentException("--max-num-wrapped must be at least 1");
    }
    if (maxSizeWrapped < 1) {
      throw new IllegalArgumentException("--max-size-wrapped must be at least 1");
    }
  }

  /** The settings logged at startup (no secrets). */
  public Map<String, Object> describe() {
    var settings = new LinkedHashMap<String, Object>();
    settings.put("wdsName", wdsName);
    settings.put("wds", wds.describe());
    settings.put("its", its.describe());
    settings.put("maxNumWrapped", maxNumWrapped);
    settings.put("maxSizeWrapped", maxSizeWrapped);
    settings.put("leaderElect", leaderElect);
    return settings;
  }
}
