/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.runtime.controller;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.ControllerConfigurationOverrider;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.javaoperatorsdk.operator.api.monitoring.AggregatedMetrics;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetrics;
import io.javaoperatorsdk.operator.processing.retry.GenericRetry;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One JOSDK {@link Operator} per binary, set up the same way everywhere: the client of the space
 * that holds the Lease, JOSDK's leader election (D18: the standby replicas keep their caches
 * synced; losing the Lease stops the process so that a fresh start competes again), JOSDK's
 * Micrometer metrics without per-resource tags, exponential retry without an attempt limit, and a
 * queue-depth gauge per controller.
 */
public final class ControllerHost {

  private static final Logger LOG = LoggerFactory.getLogger(ControllerHost.class);

  /** JOSDK's Lease timings, which every component already used: 15 s, 10 s, 2 s. */
  private static final Duration LEASE = Duration.ofSeconds(15);

  private static final Duration RENEW = Duration.ofSeconds(10);
  private static final Duration RETRY = Duration.ofSeconds(2);

  private final Operator operator;
  private final KubernetesClient client;
  private final ReconcileDepth depth = new ReconcileDepth();
  private final LeaderElection election;
  private volatile boolean leading;
  private volatile boolean started;

  /**
   * @param client the client of the space holding the Lease (and the primaries' default client)
   * @param registry where JOSDK's and our meters go
   * @param election the Lease to compete for, or {@link LeaderElection#disabled()}
   * @param concurrency reconciles that may run at once, over all controllers
   * @param onStartLeading run once this replica leads and every cache has synced
   * @param onLostLeadership run when this replica stops leading; it should stop the process
   */
  public ControllerHost(
      KubernetesClient client,
      MeterRegistry registry,
      LeaderElection election,
      int concurrency,
      Runnable onStartLeading,
      Runnable onLostLeadership) {
    this.election = election;
    this.client = client;
    var metrics =
        new AggregatedMetrics(
            List.of(MicrometerMetrics.withoutPerResourceMetrics(registry), depth));
    depth.register(registry);
    Runnable started =
        () -> {
          leading = true;
          LOG.atInfo().setMessage("leading").addKeyValue("identity", election.identity()).log();
          onStartLeading.run();
        };
    this.onStartLeading = started;
    this.operator =
        new Operator(
            o -> {
              o.withKubernetesClient(client)
                  .withCloseClientOnStop(false)
                  .withMetrics(metrics)
                  .withConcurrentReconciliationThreads(Math.max(1, concurrency))
                  .withStopOnInformerErrorDuringStartup(false)
                  .withCacheSyncTimeout(Duration.ofMinutes(10))
                  .withUseSSAToPatchPrimaryResource(false);
              if (election.enabled()) {
                o.withLeaderElectionConfiguration(
                    new LeaderElectionConfiguration(
                        election.leaseName(),
                        election.namespace(),
                        LEASE,
                        RENEW,
                        RETRY,
                        election.identity(),
                        new LeaderCallbacks(
                            started,
                            () -> {
                              if (leading) {
                                leading = false;
                                LOG.warn("lost leadership; stopping");
                                onLostLeadership.run();
                              }
                            },
                            leader ->
                                LOG.atInfo()
                                    .setMessage("leader is")
                                    .addKeyValue("leader", leader)
                                    .log()),
                        false));
              }
            });
  }

  private final Runnable onStartLeading;

  /** Exponential backoff from {@code initial} up to {@code max}, for as long as it takes. */
  public static GenericRetry backoff(Duration initial, Duration max) {
    return new GenericRetry()
        .setInitialInterval(initial.toMillis())
        .setIntervalMultiplier(2)
        .setMaxInterval(max.toMillis())
        .withoutMaxAttempts();
  }

  /** Registers a controller; call before {@link #start}. */
  public <P extends HasMetadata> void register(
      Reconciler<P> reconciler, Consumer<ControllerConfigurationOverrider<P>> configuration) {
    operator.register(reconciler, configuration);
  }

  /**
   * Starts every event source, returns once their caches synced; without leader election this
   * replica then leads at once.
   */
  public void start() {
    operator.start();
    started = true;
    if (!election.enabled()) {
      onStartLeading.run();
    }
  }

  /** Whether every cache has synced (standby replicas included). */
  public boolean isStarted() {
    return started;
  }

  /** Whether every event source of every controller still follows its space. */
  public boolean isHealthy() {
    return !started || operator.getRuntimeInfo().allEventSourcesAreHealthy();
  }

  /** The event sources that stopped following their space, by controller; for /readyz messages. */
  public String unhealthy() {
    return started ? operator.getRuntimeInfo().unhealthyEventSources().toString() : "";
  }

  /** Whether this replica leads. */
  public boolean isLeading() {
    return leading;
  }

  /** Primaries waiting for or in a reconcile, over all controllers. */
  public int queueDepth() {
    return depth.depth();
  }

  /**
   * Stops the controllers; a leader then gives its Lease up, so that a standby takes over at once
   * rather than after the Lease expires (JOSDK itself leaves the Lease to expire).
   */
  public void stop() {
    var wasLeading = leading;
    leading = false;
    if (started) {
      operator.stop();
    }
    if (wasLeading && election.enabled()) {
      releaseLease();
    }
  }

  private void releaseLease() {
    try {
      var lease =
          client.leases().inNamespace(election.namespace()).withName(election.leaseName()).get();
      if (lease == null
          || lease.getSpec() == null
          || !election.identity().equals(lease.getSpec().getHolderIdentity())) {
        return;
      }
      lease.getSpec().setHolderIdentity(null);
      lease.getSpec().setLeaseDurationSeconds(1);
      client.leases().resource(lease).update(); // guarded by its resourceVersion
      LOG.atInfo()
          .setMessage("released the Lease")
          .addKeyValue("lease", election.leaseName())
          .log();
    } catch (RuntimeException e) {
      LOG.atDebug()
          .setMessage("cannot release the Lease; it expires by itself")
          .addKeyValue("error", e.getMessage())
          .log();
    }
  }
}
