/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller;

import io.kubestellar.runtime.SpaceOptions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Validated configuration of the controller-manager.
 *
 * @param wdsName name of the WDS; goes into labels and ManifestWork names, so a DNS label
 * @param wds how to reach the WDS
 * @param its how to reach the ITS
 * @param leaderElect whether to take a Lease before writing
 */
public record ControllerManagerConfig(
    String wdsName, SpaceOptions wds, SpaceOptions its, boolean leaderElect) {

  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

  public ControllerManagerConfig {
    if (wdsName == null || !DNS_LABEL.matcher(wdsName).matches()) {
      throw new IllegalArgumentException(
          "--wds-name must be a DNS label (lowercase letters, digits, '-', at most 63); got '"
              + wdsName
              + "'");
    }
  }

  /** The settings logged at startup (no secrets). */
  public Map<String, Object> describe() {
    var settings = new LinkedHashMap<String, Object>();
    settings.put("wdsName", wdsName);
    settings.put("wds", wds.describe());
    settings.put("its", its.describe());
    settings.put("leaderElect", leaderElect);
    return settings;
  }
}
