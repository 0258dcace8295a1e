/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.statusaddon.reconciler;

import io.kubestellar.runtime.Component;
import io.kubestellar.runtime.InformerLiveness;
import io.kubestellar.runtime.SpaceConnectivity;
import io.kubestellar.runtime.work.KeyedWorkQueue;
import io.kubestellar.runtime.work.KeyedWorkers;
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
  private final SpaceConnectivity spaces;
  private final AgentCaches caches;
  private final ScheduledExecutorService scheduler;
  private final KeyedWorkQueue<ObjectKey> queue;
  private final KeyedWorkers<ObjectKey> workers;
  private volatile boolean cachesSynced;
  private volatile boolean stopping;
  private final InformerLiveness liveness = new InformerLiveness();

  /**
   * @param spaces the connections to the WEC and the ITS, closed when the agent stops
   * @param scheduler runs resyncs (and the caches' retries); shut down when the agent stops
   */
  public StatusAgent(
      Settings settings,
      SpaceConnectivity spaces,
      AgentCaches caches,
      WorkStatusReconciler reconciler,
      ScheduledExecutorService scheduler,
      KeyedWorkQueue<ObjectKey> queue) {
    this.workers = new KeyedWorkers<>("status-addon", queue, reconciler::work);
    this.settings = settings;
    this.spaces = spaces;
    this.caches = caches;
    this.scheduler = scheduler;
    this.queue = queue;
  }

  @Override
  public void start() throws Exception {
    Preflight.check(
        spaces.client("wec"),
        spaces.client("its"),
        settings.clusterNamespace(),
        settings.driftRepair());

    caches
        .appliedWorks()
        .listen(
            objects -> {
              caches.resources().retain(caches.appliedWorks().referencedTypes());
              objects.forEach(queue::add);
            });
    caches
        .manifestWorks()
        .listen(
            name -> {
              for (var applied : caches.appliedWorks().ofManifestWork(name)) {
                AppliedWorks.applied(applied).forEach(queue::add);
              }
            });
    caches.workStatuses().listen(queue::add);
    caches
        .resources()
        .listen(
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
                caches.workStatuses().sourcesOfType(type).forEach(queue::add);
              }
            });

    awaitSync(
        "AppliedManifestWorks in the WEC",
        caches.appliedWorks().start().toCompletableFuture(),
        "list/watch appliedmanifestworks");
    awaitSync(
        "ManifestWorks in the ITS namespace " + settings.clusterNamespace(),
        caches.manifestWorks().start().toCompletableFuture(),
        "list/watch manifestworks");
    awaitSync(
        "WorkStatuses in the ITS namespace " + settings.clusterNamespace(),
        caches.workStatuses().start().toCompletableFuture(),
        "list/watch workstatuses");
    caches.resources().retain(caches.appliedWorks().referencedTypes());
    liveness.watchStop("AppliedManifestWorks in the WEC", caches.appliedWorks().stopped());
    liveness.watchStop("ManifestWorks in the ITS", caches.manifestWorks().stopped());
    liveness.watchStop("WorkStatuses in the ITS", caches.workStatuses().stopped());

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
        .addKeyValue("watchedResources", caches.resources().size())
        .log();
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
    var keys = new LinkedHashSet<ObjectKey>(caches.appliedWorks().allApplied());
    keys.addAll(caches.workStatuses().allSources());
    keys.forEach(queue::add);
  }

  private void enqueueType(GroupVersionResource type) {
    caches.workStatuses().sourcesOfType(type).forEach(queue::add);
    for (var key : caches.appliedWorks().allApplied()) {
      if (key.type().equals(type)) {
        queue.add(key);
      }
    }
    caches.resources().appliedObjectsOfType(type).forEach(queue::add);
  }

  @Override
  public boolean isReady() {
    return cachesSynced && caches.resources().allAttempted() && liveness.healthy();
  }

  @Override
  public boolean isHealthy() {
    return liveness.healthy();
  }

  @Override
  public void stop() {
    stopping = true;
    liveness.closing();
    workers.close();
    scheduler.shutdownNow();
    caches.close();
    try {
      spaces.close();
    } catch (Exception e) {
      LOG.warn("closing connections failed: {}", e.getMessage());
    }
  }
}
