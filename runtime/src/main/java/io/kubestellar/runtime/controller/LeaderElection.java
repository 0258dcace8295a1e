/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.runtime.controller;

import java.net.InetAddress;
import java.util.UUID;

/**
 * Who competes for which Lease: one replica of a component writes at a time, the others stand by
 * with their caches synced.
 *
 * @param enabled false for a single replica that leads at once
 * @param namespace namespace of the Lease
 * @param leaseName name of the Lease
 * @param identity this replica's name in the Lease
 */
public record LeaderElection(boolean enabled, String namespace, String leaseName, String identity) {

  /** A replica that leads from the start. */
  public static LeaderElection disabled() {
    return new LeaderElection(false, null, null, processIdentity());
  }

  /**
   * This process's identity: the pod name where Kubernetes sets it, else host, process id and a
   * random suffix, so that two processes on one host never share one.
   */
  public static String processIdentity() {
    var pod = System.getenv("POD_NAME");
    if (pod != null && !pod.isBlank()) {
      return pod + "_" + SUFFIX;
    }
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      host = "unknown";
    }
    return host + "-" + ProcessHandle.current().pid() + "-" + SUFFIX;
  }

  private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
}
