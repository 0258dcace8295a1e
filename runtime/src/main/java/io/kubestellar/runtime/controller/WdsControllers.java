/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.runtime.controller;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubestellar.runtime.ConnectedSpaces;
import io.kubestellar.runtime.WdsControllerSettings;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;

/**
 * The running controllers of a binary that controls one WDS (D18): connects to the WDS and its ITS,
 * lets the binary build its parts, then builds the one {@link ControllerHost}, whose Lease is in
 * the WDS, for the binary to register its controllers with.
 */
public abstract class WdsControllers extends ConnectedSpaces {

  private final WdsControllerSettings common;
  private final Settings host;
  private volatile ControllerHost started;

  /**
   * How the host runs.
   *
   * @param concurrency reconciles that may run at once, over all controllers
   * @param registry where JOSDK's and the binary's meters go
   * @param onLostLeadership run when this replica stops leading; it should stop the process
   */
  public record Settings(int concurrency, MeterRegistry registry, Runnable onLostLeadership) {}

  protected WdsControllers(WdsControllerSettings common, Settings host) {
    super(List.of(common.wds(), common.its()));
    this.common = common;
    this.host = host;
  }

  @Override
  public final void start() throws Exception {
    super.start();
    var wds = spaces().client("wds");
    var its = spaces().client("its");
    prepare(wds, its);
    started =
        new ControllerHost(
            wds,
            host.registry(),
            common.leaderElection(),
            host.concurrency(),
            this::startLeading,
            host.onLostLeadership());
    register(started, its);
  }

  /** Builds the binary's caches and reconcilers, before the host exists. */
  protected abstract void prepare(KubernetesClient wds, KubernetesClient its) throws Exception;

  /** Registers the controllers with the host and starts it (now, or once the kinds are served). */
  protected abstract void register(ControllerHost host, KubernetesClient its) throws Exception;

  /** Runs once this replica leads with every cache synced. */
  protected abstract void startLeading();

  /** How the host runs. */
  protected Settings settings() {
    return host;
  }

  /** The host; null before {@link #start} has built it. */
  protected ControllerHost host() {
    return started;
  }
}
