/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.reconciler.binding;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import java.time.Duration;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link BindingController} under leader election: caches sync on every replica (a standby
 * is warm and ready), only the holder of the Lease in the WDS writes. A replica that loses the
 * Lease stops writing at once and asks to be stopped (the Deployment restarts it as a standby).
 */
public final class BindingControllerComponent implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(BindingControllerComponent.class);

  /**
   * Leader election settings.
   *
   * @param enabled whether to elect; false means this replica always writes
   * @param namespace WDS namespace of the Lease
   * @param leaseName name of the Lease
   * @param identity this replica's identity in the Lease
   */
  public record Election(boolean enabled, String namespace, String leaseName, String identity) {}

  private final BindingController controller;
  private final KubernetesClient wds;
  private final Election election;
  private final Runnable onLostLeadership;
  private final Runnable alsoLead;
  private volatile Future<?> elector;
  private volatile boolean stopping;

  public BindingControllerComponent(
      BindingController controller,
      KubernetesClient wds,
      Election election,
      Runnable onLostLeadership) {
    this(controller, wds, election, onLostLeadership, () -> {});
  }

  /**
   * @param alsoLead what else starts writing when this replica holds the Lease (the status
   *     controller shares the controller-manager's Lease)
   */
  public BindingControllerComponent(
      BindingController controller,
      KubernetesClient wds,
      Election election,
      Runnable onLostLeadership,
      Runnable alsoLead) {
    this.controller = controller;
    this.wds = wds;
    this.election = election;
    this.onLostLeadership = onLostLeadership;
    this.alsoLead = alsoLead;
  }

  private void lead() {
    controller.lead();
    alsoLead.run();
  }

  /** Syncs the caches, then leads at once or joins the election. */
  public void start() {
    controller.start();
    if (!election.enabled()) {
      lead();
      return;
    }
    var config =
        new LeaderElectionConfigBuilder()
            .withName(election.leaseName())
            .withLock(
                new LeaseLock(election.namespace(), election.leaseName(), election.identity()))
            .withLeaseDuration(Duration.ofSeconds(15))
            .withRenewDeadline(Duration.ofSeconds(10))
            .withRetryPeriod(Duration.ofSeconds(2))
            .withReleaseOnCancel(true)
            .withLeaderCallbacks(
                new LeaderCallbacks(
                    this::lead,
                    this::lostLeadership,
                    leader ->
                        LOG.atInfo()
                            .setMessage("binding controller leader")
                            .addKeyValue("leader", leader)
                            .log()))
            .build();
    elector = wds.leaderElector().withConfig(config).build().start();
  }

  private void lostLeadership() {
    controller.follow();
    if (!stopping) {
      LOG.warn("lost the binding controller Lease; stopping so that a standby takes over");
      onLostLeadership.run();
    }
  }

  /** Whether the caches have synced. */
  public boolean isReady() {
    return controller.isSynced();
  }

  /** False once an informer of the controller stopped by itself; wire it to /healthz. */
  public boolean isHealthy() {
    return controller.isHealthy();
  }

  @Override
  public void close() {
    stopping = true;
    var running = elector;
    if (running != null) {
      running.cancel(true); // releases the Lease
    }
    controller.close();
  }
}
