/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.runtime;

import picocli.CommandLine.Option;

/** The leader-election flags of the components that may run several replicas. */
public final class LeaderElectionOptions {

  @Option(
      names = "--leader-elect",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description = "Hold a Lease in the WDS before writing. Default: ${DEFAULT-VALUE}")
  boolean enabled;

  @Option(
      names = "--leader-election-namespace",
      defaultValue = "kube-system",
      description = "WDS namespace of the leader-election Lease. Default: ${DEFAULT-VALUE}")
  String namespace;

  @Option(
      names = "--leader-election-id",
      description = "Name of the Lease. Default: ${COMMAND-NAME}-<wds-name>")
  String leaseName;

  /** Whether to compete for the Lease. */
  public boolean enabled() {
    return enabled;
  }

  /** The Lease namespace. */
  public String namespace() {
    return namespace;
  }

  /** The Lease name given on the command line, or null for the component's default. */
  public String leaseName() {
    return leaseName;
  }
}
