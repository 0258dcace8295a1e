/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.statusaddon;

import io.kubestellar.runtime.SpaceOptions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Validated configuration of the status add-on agent.
 *
 * @param clusterName the WEC's inventory name: its ManagedCluster and ITS namespace
 * @param wec how to reach the WEC the agent runs for
 * @param its how to reach the ITS
 */
public record StatusAddonConfig(String clusterName, SpaceOptions wec, SpaceOptions its) {

  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

  public StatusAddonConfig {
    if (clusterName == null || !DNS_LABEL.matcher(clusterName).matches()) {
      throw new IllegalArgumentException(
          "--cluster-name must be a DNS label (the WEC's ManagedCluster name); got '"
              + clusterName
              + "'");
    }
  }

  /** The settings logged at startup (no secrets). */
  public Map<String, Object> describe() {
    var settings = new LinkedHashMap<String, Object>();
    settings.put("clusterName", clusterName);
    settings.put("wec", wec.describe());
    settings.put("its", its.describe());
    return settings;
  }
}
