/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.statusaddon.reconciler;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubestellar.runtime.Component;
import io.kubestellar.runtime.work.KeyedWorkQueue;
import io.kubestellar.runtime.work.KeyedWorkers;
import io.kubestellar.runtime.work.Outcome;
import io.kubestellar.statusaddon.model.GroupVersionResource;
import io.kubestellar.statusaddon.model.ObjectKey;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The status add-on agent of one WEC: follows AppliedManifestWorks and the objects they list in the
 * WEC, and the ManifestWorks and WorkStatuses in the WEC's ITS namespace, and keeps one WorkStatus
 * per delivered object. Every change only enqueues the affected objects; workers reconcile them
 * from the caches.
 */
public final class StatusAgent implements Component {

  private static final Logger LOG = LoggerFactory.getLogger(StatusAgent.class);

  /**
   * Settings of the agent's loop.
   *
   * @param clusterNamespace the WEC's namespace in the ITS
   * @param workers how many objects are reconciled in parallel
   * @param resyncPeriod how often every object is reconciled again from the caches; zero for never
   * @param cacheSyncTimeout how long startup waits for the first listing of each space
   * @param driftRepair whether the agent asks the work agent to repair drift (needs patch on
   *     AppliedManifestWorks in the WEC)
   */
  public record Settings(
      String clusterNamespace,
      int workers,
      Duration resyncPeriod,
      Duration cacheSyncTimeout,
      boolean driftRepair) {}

  private final Settings settings;
  private final KubernetesClient wec;
  private final KubernetesClient its;
  private final AppliedWorks appliedWorks;
  private final ManifestWorks manifestWorks;
  private final WorkStatuses workStatuses;
  private final WatchedResources resources;
  private final KeyedWorkQueue<ObjectKey> queue;
  private final WorkStatusReconciler reconciler;
  private final AgentMetrics metrics;
  private final ScheduledExecutorService scheduler;
  private final KeyedWorkers<ObjectKey> workers;
  private final AutoCloseable connections;
  private volatile boolean cachesSynced;
  private volatile boolean stopping;
  private volatile String stoppedInformer;

  public StatusAgent(
      Settings settings,
      KubernetesClient wec,
      KubernetesClient its,
      AppliedWorks appliedWorks,
      ManifestWorks manifestWorks,
      WorkStatuses workStatuses,
      WatchedResources resources,
      KeyedWorkQueue<ObjectKey> queue,
      WorkStatusReconciler reconciler,
      AgentMetrics metrics,
      ScheduledExecutorService scheduler,
      AutoCloseable connections) {
    this.settings = settings;
    this.wec = wec;
    this.its = its;
    this.appliedWorks = appliedWorks;
    this.manifestWorks = manifestWorks;
    this.workStatuses = workStatuses;
    this.resources = resources;
    this.queue = queue;
    this.reconciler = reconciler;
    this.metrics = metrics;
    this.scheduler = scheduler;
    this.connections = connections;
    this.workers = new KeyedWorkers<>("status-addon", queue, this::work);
  }

  @Override
  public void start() throws Exception {
    Preflight.check(wec, its, settings.clusterNamespace(), settings.driftRepair());

    appliedWorks.listen(
        objects -> {
          resources.retain(appliedWorks.referencedTypes());
          objects.forEach(queue::add);
        });
    manifestWorks.listen(
        name -> {
          for (var applied : appliedWorks.ofManifestWork(name)) {
            AppliedWorks.applied(applied).forEach(queue::add);
          }
        });
    workStatuses.listen(queue::add);
    resources.listen(
        new WatchedResources.Listener() {
          @Override
          public void objectChanged(ObjectKey key) {
            queue.add(key);
          }

          @Override
          public void typeSynced(GroupVersionResource type) {
            enqueueType(type);
          }

          @Override
          public void typeDropped(GroupVersionResource type) {
            workStatuses.sourcesOfType(type).forEach(queue::add);
          }
        });

    awaitSync(
        "AppliedManifestWorks in the WEC",
        appliedWorks.start().toCompletableFuture(),
        "list/watch appliedmanifestworks");
    awaitSync(
        "ManifestWorks in the ITS namespace " + settings.clusterNamespace(),
        manifestWorks.start().toCompletableFuture(),
        "list/watch manifestworks");
    awaitSync(
        "WorkStatuses in the ITS namespace " + settings.clusterNamespace(),
        workStatuses.start().toCompletableFuture(),
        "list/watch workstatuses");
    resources.retain(appliedWorks.referencedTypes());
    failWhenStopped("AppliedManifestWorks in the WEC", appliedWorks.stopped());
    failWhenStopped("ManifestWorks in the ITS", manifestWorks.stopped());
    failWhenStopped("WorkStatuses in the ITS", workStatuses.stopped());

    workers.start(settings.workers());
    // D14: only now, with every cache listed, may a reconcile conclude that a WorkStatus is stale.
    cachesSynced = true;
    enqueueAll();
    if (!settings.resyncPeriod().isZero()) {
      long period = settings.resyncPeriod().toMillis();
      scheduler.scheduleWithFixedDelay(this::enqueueAll, period, period, TimeUnit.MILLISECONDS);
    }
    LOG.atInfo()
        .setMessage("caches synced")
        .addKeyValue("cluster", settings.clusterNamespace())
        .addKeyValue("watchedResources", resources.size())
        .log();
  }

  /**
   * A fabric8 informer that gives up never restarts and its cache freezes; the agent is then
   * unhealthy (/healthz) so that Kubernetes restarts it.
   */
  private void failWhenStopped(String what, java.util.concurrent.CompletionStage<Void> stopped) {
    stopped.whenComplete(
        (ignored, error) -> {
          if (stopping) {
            return;
          }
          stoppedInformer = what;
          LOG.atError()
              .setMessage("informer stopped; the agent is unhealthy and must be restarted")
              .addKeyValue("informer", what)
              .addKeyValue("error", error == null ? "stopped" : error.getMessage())
              .log();
        });
  }

  private void awaitSync(String what, CompletableFuture<Void> synced, String permission)
      throws InterruptedException {
    try {
      synced.get(settings.cacheSyncTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "could not list "
              + what
              + " within "
              + settings.cacheSyncTimeout()
              + "; check connectivity and that the agent may "
              + permission);
    } catch (ExecutionException e) {
      var cause = e.getCause() == null ? e : e.getCause();
      throw new IllegalStateException("could not list " + what + ": " + cause.getMessage(), cause);
    }
  }

  private void enqueueAll() {
    var keys = new LinkedHashSet<ObjectKey>(appliedWorks.allApplied());
    keys.addAll(workStatuses.allSources());
    keys.forEach(queue::add);
  }

  private void enqueueType(GroupVersionResource type) {
    workStatuses.sourcesOfType(type).forEach(queue::add);
    for (var key : appliedWorks.allApplied()) {
      if (key.type().equals(type)) {
        queue.add(key);
      }
    }
    resources.appliedObjectsOfType(type).forEach(queue::add);
  }

  private Outcome work(KeyedWorkQueue.Item<ObjectKey> item) throws InterruptedException {
    try {
      reconciler.reconcile(item.key(), item.firstSeenNanos());
      return Outcome.DONE;
    } catch (RuntimeException e) {
      metrics.reconcileFailed();
      LOG.atWarn()
          .setMessage("reconcile failed; will retry")
          .addKeyValue("object", item.key())
          .addKeyValue("error", e.getMessage())
          .log();
      return Outcome.FAILED;
    }
  }

  @Override
  public boolean isReady() {
    return cachesSynced && resources.allAttempted() && stoppedInformer == null;
  }

  @Override
  public boolean isHealthy() {
    return stoppedInformer == null;
  }

  @Override
  public void stop() {
    stopping = true;
    workers.close();
    scheduler.shutdownNow();
    resources.close();
    appliedWorks.close();
    manifestWorks.close();
    workStatuses.close();
    try {
      connections.close();
    } catch (Exception e) {
      LOG.warn("closing connections failed: {}", e.getMessage());
    }
  }
}
