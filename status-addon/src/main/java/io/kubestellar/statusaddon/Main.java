/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.statusaddon;

import io.kubestellar.runtime.Component;
import io.kubestellar.runtime.ComponentMain;
import io.kubestellar.runtime.DaemonThreads;
import io.kubestellar.runtime.SpaceConnectivity;
import io.kubestellar.runtime.TokenBucket;
import io.kubestellar.runtime.work.KeyedWorkQueue;
import io.kubestellar.statusaddon.model.DriftEpisodes;
import io.kubestellar.statusaddon.model.ObjectKey;
import io.kubestellar.statusaddon.reconciler.AgentCaches;
import io.kubestellar.statusaddon.reconciler.AgentMetrics;
import io.kubestellar.statusaddon.reconciler.AppliedWorkReapplier;
import io.kubestellar.statusaddon.reconciler.AppliedWorks;
import io.kubestellar.statusaddon.reconciler.DriftMonitor;
import io.kubestellar.statusaddon.reconciler.ManifestWorks;
import io.kubestellar.statusaddon.reconciler.StatusAgent;
import io.kubestellar.statusaddon.reconciler.WatchedResources;
import io.kubestellar.statusaddon.reconciler.WorkStatusReconciler;
import io.kubestellar.statusaddon.reconciler.WorkStatusWriter;
import io.kubestellar.statusaddon.reconciler.WorkStatuses;
import io.kubestellar.statusaddon.reconciler.WriteProblemEvents;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Entry point of the status add-on agent: reports delivered objects' status from one WEC. */
@Command(
    name = "status-addon",
    mixinStandardHelpOptions = true,
    description =
        "Reports the status of every object the OCM work agent applied in one WEC as WorkStatus"
            + " objects in the WEC's namespace of the ITS.")
public final class Main extends ComponentMain {

  /** First backoff after a failed reconcile; doubles per consecutive failure. */
  private static final Duration RETRY_BASE = Duration.ofMillis(20);

  /** At most one Warning Event per WorkStatus that cannot be written, per this interval. */
  private static final Duration PROBLEM_EVENT_INTERVAL = Duration.ofMinutes(1);

  @Option(
      names = "--cluster-name",
      required = true,
      description = "The WEC's name in the inventory (its ManagedCluster and ITS namespace).")
  String clusterName;

  @Option(
      names = "--workers",
      defaultValue = "4",
      description = "Objects reconciled in parallel. Default: ${DEFAULT-VALUE}")
  int workers;

  @Option(
      names = "--coalesce-delay",
      defaultValue = "PT0.02S",
      description =
          "How long a changed object waits for further changes before its WorkStatus is written"
              + " (ISO-8601, at most PT1S). Default: ${DEFAULT-VALUE}")
  Duration coalesceDelay;

  @Option(
      names = "--its-write-qps",
      defaultValue = "200",
      description =
          "Sustained WorkStatus writes per second to the ITS; 0 for no limit. Default:"
              + " ${DEFAULT-VALUE}")
  double itsWriteQps;

  @Option(
      names = "--its-write-burst",
      defaultValue = "400",
      description = "WorkStatus writes allowed at once above that rate. Default: ${DEFAULT-VALUE}")
  int itsWriteBurst;

  @Option(
      names = "--resync-period",
      defaultValue = "PT10M",
      description =
          "How often every delivered object is compared again with its WorkStatus (from the"
              + " caches; writes only what differs). PT0S turns it off. Default: ${DEFAULT-VALUE}")
  Duration resyncPeriod;

  @Option(
      names = "--retry-max-delay",
      defaultValue = "PT30S",
      description =
          "Longest backoff between retries of an object whose WorkStatus cannot be written."
              + " Default: ${DEFAULT-VALUE}")
  Duration retryMaxDelay;

  @Option(
      names = "--cache-sync-timeout",
      defaultValue = "PT2M",
      description =
          "How long startup waits for the first listing of AppliedManifestWorks, ManifestWorks and"
              + " WorkStatuses before it gives up. Default: ${DEFAULT-VALUE}")
  Duration cacheSyncTimeout;

  @Option(
      names = "--drift-repair",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description =
          "Ask the work agent to re-apply a ManifestWork when an object it delivered differs from"
              + " its manifest (needs patch on appliedmanifestworks in the WEC); false only reports"
              + " the drift. Default: ${DEFAULT-VALUE}")
  boolean driftRepair;

  @Option(
      names = "--drift-repair-delay",
      defaultValue = "5s",
      converter = ShortDurationConverter.class,
      description =
          "How long a drifted object waits before its first repair request (e.g. 5s, 500ms, PT5S;"
              + " 0s: at once, at most 5m). Later requests back off from 5s to 5m. Default:"
              + " ${DEFAULT-VALUE}")
  Duration driftRepairDelay;

  public Main() {
    super(
        "status-addon",
        new Space("wec", "WEC (workload execution cluster) the agent runs for"),
        Space.ITS);
  }

  public static void main(String[] args) {
    System.exit(new Main().execute(args));
  }

  @Override
  protected Launch launch() {
    var config =
        new StatusAddonConfig(
            clusterName,
            space("wec"),
            space("its"),
            workers,
            coalesceDelay,
            itsWriteQps,
            itsWriteBurst,
            resyncPeriod,
            retryMaxDelay,
            cacheSyncTimeout,
            driftRepair,
            driftRepairDelay);
    return new Launch(config.describe(), (registry, requestStop) -> agent(config, registry));
  }

  /** Wires the agent: every object is built here and handed to those that use it. */
  static Component agent(StatusAddonConfig config, MeterRegistry registry) {
    var spaces = SpaceConnectivity.connect(List.of(config.wec(), config.its()));
    var wec = spaces.client("wec");
    var its = spaces.client("its");
    var namespace = config.clusterName();
    var scheduler = DaemonThreads.scheduled("status-addon-scheduler");
    var queue =
        new KeyedWorkQueue<ObjectKey>(config.coalesceDelay(), RETRY_BASE, config.retryMaxDelay());
    var manifestWorks = new ManifestWorks(its, namespace);
    var workStatuses = new WorkStatuses(its, namespace);
    var resources = new WatchedResources(wec, scheduler, config.retryMaxDelay());
    var caches = new AgentCaches(new AppliedWorks(wec), manifestWorks, workStatuses, resources);
    var metrics = new AgentMetrics(registry, queue::depth, resources::size, System::nanoTime);
    var drift =
        new DriftMonitor(
            DriftEpisodes.Settings.of(config.driftRepair(), config.driftRepairDelay()),
            manifestWorks,
            new AppliedWorkReapplier(wec),
            wec.getKubernetesSerialization(),
            metrics,
            Clock.systemUTC(),
            scheduler,
            queue::add);
    metrics.driftedObjects(drift::driftedObjects);
    var writer =
        new WorkStatusWriter(
            its,
            namespace,
            new TokenBucket(config.itsWriteQps(), config.itsWriteBurst()),
            metrics,
            workStatuses);
    var reconciler =
        new WorkStatusReconciler(
            caches,
            new WorkStatusReconciler.Outputs(
                writer,
                new WriteProblemEvents(its, namespace, Clock.systemUTC(), PROBLEM_EVENT_INTERVAL),
                drift,
                metrics));
    return new StatusAgent(
        new StatusAgent.Settings(
            namespace,
            config.workers(),
            config.resyncPeriod(),
            config.cacheSyncTimeout(),
            config.driftRepair()),
        spaces,
        caches,
        reconciler,
        scheduler,
        queue);
  }
}
