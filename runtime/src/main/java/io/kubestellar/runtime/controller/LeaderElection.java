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

  /** The election the flags ask for, with a new identity for this replica. */
  public static LeaderElection of(boolean enabled, String namespace, String leaseName) {
    return enabled ? new LeaderElection(true, namespace, leaseName, processIdentity()) : disabled();
  }

  /** A replica that leads from the start. */
  public static LeaderElection disabled() {
    return new LeaderElection(false, null, null, processIdentity());
  }

  /**
   * A new replica identity: the pod name where Kubernetes sets it, else host and process id, with a
   * random suffix so that two replicas never share one (not even two in one process, as in tests).
   */
  private static String processIdentity() {
    var suffix = UUID.randomUUID().toString().substring(0, 8);
    var pod = System.getenv("POD_NAME");
    if (pod != null && !pod.isBlank()) {
      return pod + "_" + suffix;
    }
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      host = "unknown";
    }
    return host + "-" + ProcessHandle.current().pid() + "-" + suffix;
  }
}
