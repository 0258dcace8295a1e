/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.localenv;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A workload execution cluster of the local environment and the labels of its ManagedCluster.
 *
 * @param name the WEC's name: its kubeconfig context, ManagedCluster and ITS namespace
 * @param labels labels of its ManagedCluster in the ITS
 */
public record WecSpec(String name, Map<String, String> labels) {

  public WecSpec {
    labels = Map.copyOf(labels);
  }

  /** A WEC labelled {@code name=<name>} and {@code location-group=edge}, plus {@code extra}. */
  public static WecSpec withDefaultLabels(String name, Map<String, String> extra) {
    var labels = new LinkedHashMap<String, String>();
    labels.put("name", name);
    labels.put("location-group", "edge");
    labels.putAll(extra);
    return new WecSpec(name, labels);
  }
}
