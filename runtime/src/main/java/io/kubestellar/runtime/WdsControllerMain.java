/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.runtime;

import io.kubestellar.runtime.controller.LeaderElection;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The {@code Main} of a binary that controls one WDS and writes to its ITS: the WDS's name and the
 * leader-election flags come from here, the binary adds its own.
 */
public abstract class WdsControllerMain extends ComponentMain {

  @Option(
      names = "--wds-name",
      required = true,
      description = "Name of the WDS, unique among the WDSes sharing the ITS.")
  String wdsName;

  @Mixin LeaderElectionOptions leaderElection;

  /**
   * @param name the binary's name, for logs; the default Lease is {@code <name>-<wds-name>}
   */
  protected WdsControllerMain(String name) {
    super(name, Space.WDS, Space.ITS);
  }

  /** The settings the flags of this class give; throws IllegalArgumentException if invalid. */
  protected WdsControllerSettings common() {
    var namespace = leaderElection.namespace();
    if (namespace == null || namespace.isBlank()) {
      throw new IllegalArgumentException("--leader-election-namespace must not be empty");
    }
    var leaseName = leaderElection.leaseName();
    if (leaseName == null || leaseName.isBlank()) {
      leaseName = name() + "-" + wdsName;
    }
    return new WdsControllerSettings(
        wdsName,
        space("wds"),
        space("its"),
        LeaderElection.of(leaderElection.enabled(), namespace, leaseName));
  }
}
