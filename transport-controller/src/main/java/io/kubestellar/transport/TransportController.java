/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.transport;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubestellar.api.control.v1alpha1.Binding;
import io.kubestellar.api.control.v1alpha1.CustomTransform;
import io.kubestellar.model.GroupResource;
import io.kubestellar.runtime.DaemonThreads;
import io.kubestellar.runtime.InformerLiveness;
import io.kubestellar.runtime.RequiredKinds;
import io.kubestellar.runtime.RequiredNamespace;
import io.kubestellar.runtime.TokenBucket;
import io.kubestellar.runtime.controller.ControllerHost;
import io.kubestellar.runtime.controller.ExternalTriggers;
import io.kubestellar.runtime.controller.WdsControllers;
import io.kubestellar.transport.model.TransportKeys;
import io.kubestellar.transport.model.work.BundlingLimits;
import io.kubestellar.transport.model.work.ManifestWorkRenderer;
import io.kubestellar.transport.reconciler.Events;
import io.kubestellar.transport.reconciler.TransportMetrics;
import io.kubestellar.transport.reconciler.binding.BindingIndex;
import io.kubestellar.transport.reconciler.binding.BindingReconciler;
import io.kubestellar.transport.reconciler.binding.DriftReports;
import io.kubestellar.transport.reconciler.binding.InventoryProperties;
import io.kubestellar.transport.reconciler.binding.ManifestWorks;
import io.kubestellar.transport.reconciler.binding.WorkloadObjects;
import io.kubestellar.transport.reconciler.customtransform.CustomTransformStatusReconciler;
import io.kubestellar.transport.reconciler.customtransform.CustomTransforms;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running transport controller: two JOSDK controllers (Bindings to ManifestWorks, and the
 * status of CustomTransforms) on one {@link ControllerHost}, which holds the leader Lease in the
 * WDS. Ready once every cache has synced (D14); only the leader reconciles, and it starts only
 * then.
 */
public final class TransportController extends WdsControllers {

  private static final Logger LOG = LoggerFactory.getLogger(TransportController.class);

  private final TransportConfig config;
  private final Clock clock;

  private volatile boolean stopping;
  private final InformerLiveness liveness = new InformerLiveness();
  private WorkloadObjects workload;
  private ManifestWorks works;
  private DriftReports drift;
  private volatile boolean driftWatched;
  private InventoryProperties properties;
  private CustomTransforms customTransforms;
  private ExternalTriggers<Binding> bindingTriggers;
  private ExternalTriggers<CustomTransform> customTransformTriggers;
  private BindingReconciler reconciler;
  private CustomTransformStatusReconciler ctStatus;
  private ScheduledExecutorService background;
  private java.util.concurrent.ExecutorService writers;
  private TransportMetrics metrics;

  /**
   * @param onLostLeadership called when this replica stops being the leader; the process should
   *     stop so that a fresh start competes again
   */
  public TransportController(
      TransportConfig config, MeterRegistry registry, Runnable onLostLeadership, Clock clock) {
    super(config.common(), new Settings(config.concurrency(), registry, onLostLeadership));
    this.config = config;
    this.clock = clock;
  }

  @Override
  protected void prepare(KubernetesClient wds, KubernetesClient its) {
    metrics = new TransportMetrics(settings().registry());
    var itsWrites = new TokenBucket(config.itsQps(), config.itsBurst());
    var wdsWrites = new TokenBucket(config.wdsQps(), config.wdsBurst());
    // One identity for the Lease and the Events' reporting instance.
    var events = new Events(wds, wdsWrites, clock, config.common().leaderElection().identity());
    var index = new BindingIndex();

    workload =
        new WorkloadObjects(
            wds,
            key -> index.listing(key).forEach(this::triggerBinding),
            gvr ->
                index
                    .using(new GroupResource(gvr.group(), gvr.resource()))
                    .forEach(this::triggerBinding));
    works = new ManifestWorks(its, config.common().wdsName());
    drift = new DriftReports(its, config.common().wdsName(), this::triggerBinding);
    properties =
        new InventoryProperties(
            its, cluster -> index.sensitiveTo(cluster).forEach(this::triggerBinding));
    customTransforms =
        new CustomTransforms(
            wds,
            gr -> {
              index.using(gr).forEach(this::triggerBinding);
              customTransforms.all().stream()
                  .filter(ct -> CustomTransforms.groupResource(ct).equals(gr))
                  .forEach(ct -> customTransformTriggers.trigger(ct.getMetadata().getName()));
            });
    // Both controllers read the CustomTransform cache; whichever starts first starts it.
    var customTransformsStarted = new java.util.concurrent.atomic.AtomicBoolean();
    Runnable startCustomTransforms =
        () -> {
          if (customTransformsStarted.compareAndSet(false, true)) {
            customTransforms.start(liveness);
          }
        };
    bindingTriggers =
        new ExternalTriggers<>(
            "wds:workload+customtransforms,its:properties+drift",
            () -> {
              startCustomTransforms.run();
              properties.start(liveness);
              watchDriftWhenServed(its);
            },
            () ->
                customTransforms.hasSynced()
                    && properties.hasSynced()
                    && (!driftWatched || drift.hasSynced()),
            liveness::healthy);
    customTransformTriggers =
        new ExternalTriggers<>(
            "wds:customtransforms",
            startCustomTransforms,
            customTransforms::hasSynced,
            liveness::healthy);

    // ManifestWork writes of all Bindings share these threads; the ITS client bounds requests.
    writers =
        DaemonThreads.pool(
            Math.min(32, config.common().its().maxConcurrentRequests()), "manifestwork-writer");
    reconciler =
        new BindingReconciler(
            wds,
            workload,
            customTransforms,
            properties,
            works,
            index,
            new ManifestWorkRenderer(
                config.common().wdsName(),
                new BundlingLimits(config.maxNumWrapped(), config.maxSizeWrapped()),
                config.updateStrategy()),
            itsWrites,
            wdsWrites,
            events,
            metrics,
            clock,
            writers,
            name -> driftWatched ? drift.of(name) : List.of(),
            bindingTriggers);
    ctStatus =
        new CustomTransformStatusReconciler(
            wds, customTransforms, wdsWrites, events, customTransformTriggers);
  }

  @Override
  protected void register(ControllerHost host, KubernetesClient its) {
    var retry = ControllerHost.backoff(Duration.ofMillis(50), Duration.ofSeconds(60));
    host.register(
        reconciler,
        c ->
            c.withName("binding")
                .withRetry(retry)
                .withGenerationAware(false)
                // Status writes (ours and the binding controller's) change nothing to deliver.
                .withOnUpdateFilter(TransportController::deliveryChanged)
                .withTriggerReconcilerOnAllEvents(true));
    host.register(
        ctStatus,
        c ->
            c.withName("customtransform")
                .withRetry(ControllerHost.backoff(Duration.ofMillis(200), Duration.ofSeconds(60))));

    metrics.gauge(
        "kubestellar.transport.queue.depth", "Bindings waiting or syncing", host::queueDepth);
    metrics.gauge("kubestellar.transport.manifestworks", "ManifestWorks of this WDS", works::size);
    metrics.gauge(
        "kubestellar.transport.binding.not.ready.seconds",
        "How long the Binding that has not been Ready the longest has been so (0: all Ready)",
        reconciler::oldestNotReadySeconds);
    metrics.gauge(
        "kubestellar.transport.leader",
        "1 while this replica is the leader",
        () -> host.isLeading() ? 1 : 0);

    background = DaemonThreads.scheduled("transport-background");
    background.execute(() -> awaitKindsThenStart(spaces().client("wds"), its));
  }

  private static boolean deliveryChanged(Binding after, Binding before) {
    var b = before.getMetadata();
    var a = after.getMetadata();
    return !Objects.equals(b.getGeneration(), a.getGeneration())
        || !Objects.equals(b.getDeletionTimestamp(), a.getDeletionTimestamp())
        || !Objects.equals(b.getFinalizers(), a.getFinalizers())
        || !Objects.equals(b.getUid(), a.getUid());
  }

  private void triggerBinding(String name) {
    bindingTriggers.trigger(name);
  }

  /** The resources the informers below watch; an informer on a missing one stops for good. */
  private static final List<RequiredKinds.Kind> REQUIRED =
      List.of(
          new RequiredKinds.Kind("wds", "control.kubestellar.io/v1alpha1", "bindings"),
          new RequiredKinds.Kind("wds", "control.kubestellar.io/v1alpha1", "customtransforms"),
          new RequiredKinds.Kind("its", "work.open-cluster-management.io/v1", "manifestworks"),
          new RequiredKinds.Kind(
              "its", "cluster.open-cluster-management.io/v1", "managedclusters"));

  private void awaitKindsThenStart(KubernetesClient wds, KubernetesClient its) {
    try {
      // The controller-manager installs the KubeStellar CRDs at its own startup, so this process
      // often starts first; not ready meanwhile.
      var kinds = new RequiredKinds(Map.of("wds", wds, "its", its), REQUIRED);
      if (!kinds.await(CRD_POLL_INTERVAL, () -> !stopping)) {
        return;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    if (stopping) {
      return;
    }
    try {
      // D14: returns once every cache has synced; nothing is written before.
      host().start();
    } catch (RuntimeException e) {
      if (!stopping) {
        LOG.atError().setMessage("cannot start the controllers").setCause(e).log();
        liveness.failed("controllers", String.valueOf(e.getMessage()));
      }
      return;
    }
    LOG.atInfo().setMessage("caches synced").addKeyValue("manifestWorks", works.size()).log();
  }

  private static final RequiredKinds.Kind WORK_STATUSES =
      new RequiredKinds.Kind("its", "control.kubestellar.io/v1alpha1", "workstatuses");

  private static final Duration DRIFT_POLL_INTERVAL = Duration.ofSeconds(30);

  private volatile boolean driftOffLogged;

  /**
   * D16: drift reports come from WorkStatuses, which exist only where the status add-on is
   * installed; without that kind the transport works as before and checks again now and then.
   */
  private void watchDriftWhenServed(KubernetesClient its) {
    if (stopping || driftWatched) {
      return;
    }
    boolean served;
    try {
      served = new RequiredKinds(Map.of("its", its), List.of(WORK_STATUSES)).missing().isEmpty();
    } catch (RuntimeException e) {
      served = false;
    }
    if (served) {
      drift.start(liveness);
      driftWatched = true;
      LOG.atInfo().setMessage("watching drift reports").addKeyValue("kind", WORK_STATUSES).log();
    } else {
      // Said once at INFO; the checks every 30 s after that are DEBUG, to keep INFO quiet.
      (driftOffLogged ? LOG.atDebug() : LOG.atInfo())
          .setMessage("drift reports off until the ITS serves WorkStatuses")
          .addKeyValue("kind", WORK_STATUSES)
          .log();
      driftOffLogged = true;
      background.schedule(
          () -> watchDriftWhenServed(its), DRIFT_POLL_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private static final Duration CRD_POLL_INTERVAL = Duration.ofSeconds(2);

  /** Runs once this replica leads with every cache synced; JOSDK then reconciles every primary. */
  @Override
  protected void startLeading() {
    var its = spaces().client("its");
    LOG.info("leading: syncing every Binding");
    background.execute(() -> ensurePropertiesNamespace(its));
    // Works whose Binding is gone are orphans (it was deleted while no transport ran).
    background.execute(reconciler::deleteOrphans);
  }

  private void ensurePropertiesNamespace(KubernetesClient its) {
    try {
      RequiredNamespace.ensure(
          its, "its", TransportKeys.PROPERTIES_NAMESPACE, NAMESPACE_RETRY, host()::isLeading);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static final Duration NAMESPACE_RETRY = Duration.ofSeconds(10);

  @Override
  public boolean isReady() {
    return super.isReady() && host() != null && host().isStarted() && isHealthy();
  }

  /** Unhealthy once a cache stopped by itself: it no longer follows the space. */
  @Override
  public boolean isHealthy() {
    return liveness.healthy() && (host() == null || host().isHealthy());
  }

  /** Whether this replica currently leads. */
  public boolean isLeading() {
    return host() != null && host().isLeading();
  }

  /** Bindings and CustomTransforms waiting or syncing. */
  public int queueDepth() {
    return host() == null ? 0 : host().queueDepth();
  }

  /** The meters (for in-process benchmarks). */
  public TransportMetrics metrics() {
    return metrics;
  }

  @Override
  public void stop() {
    var wasLeading = isLeading();
    stopping = true;
    liveness.closing();
    if (host() != null) {
      host().stop();
    }
    if (writers != null) {
      writers.shutdownNow();
    }
    if (background != null) {
      DaemonThreads.stop(background, Duration.ofSeconds(2));
    }
    for (AutoCloseable closeable :
        new AutoCloseable[] {workload, drift, properties, customTransforms}) {
      if (closeable != null) {
        try {
          closeable.close();
        } catch (Exception e) {
          LOG.debug("error while closing", e);
        }
      }
    }
    LOG.atInfo().setMessage("transport stopped").addKeyValue("wasLeading", wasLeading).log();
    super.stop();
  }
}
