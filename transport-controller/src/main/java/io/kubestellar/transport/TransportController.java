/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.transport;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.kubestellar.api.control.v1alpha1.Binding;
import io.kubestellar.runtime.ConnectedSpaces;
import io.kubestellar.runtime.RequiredKinds;
import io.kubestellar.transport.model.GroupResource;
import io.kubestellar.transport.model.TransportKeys;
import io.kubestellar.transport.model.work.BundlingLimits;
import io.kubestellar.transport.model.work.ManifestWorkRenderer;
import io.kubestellar.transport.reconciler.Events;
import io.kubestellar.transport.reconciler.InformerLiveness;
import io.kubestellar.transport.reconciler.RateLimiter;
import io.kubestellar.transport.reconciler.TransportMetrics;
import io.kubestellar.transport.reconciler.WorkQueue;
import io.kubestellar.transport.reconciler.binding.BindingIndex;
import io.kubestellar.transport.reconciler.binding.BindingReconciler;
import io.kubestellar.transport.reconciler.binding.DriftReports;
import io.kubestellar.transport.reconciler.binding.InventoryProperties;
import io.kubestellar.transport.reconciler.binding.ManifestWorks;
import io.kubestellar.transport.reconciler.binding.WorkloadObjects;
import io.kubestellar.transport.reconciler.customtransform.CustomTransformStatusReconciler;
import io.kubestellar.transport.reconciler.customtransform.CustomTransforms;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running transport controller: informers on the WDS and the ITS, the Binding and
 * CustomTransform queues, and leader election. Ready once every informer has synced (D14); only the
 * leader writes, and it starts writing only then.
 */
public final class TransportController extends ConnectedSpaces {

  private static final Logger LOG = LoggerFactory.getLogger(TransportController.class);

  private final TransportConfig config;
  private final MeterRegistry registry;
  private final Runnable onLostLeadership;
  private final Clock clock;

  private volatile boolean leading;
  private volatile boolean synced;
  private volatile boolean stopping;
  private final InformerLiveness liveness = new InformerLiveness();
  private SharedIndexInformer<Binding> bindingInformer;
  private WorkloadObjects workload;
  private ManifestWorks works;
  private DriftReports drift;
  private volatile boolean driftWatched;
  private InventoryProperties properties;
  private CustomTransforms customTransforms;
  private WorkQueue<String> bindingQueue;
  private WorkQueue<GroupResource> customTransformQueue;
  private CompletableFuture<?> election;
  private ScheduledExecutorService background;
  private java.util.concurrent.ExecutorService writers;
  private TransportMetrics metrics;

  /**
   * @param onLostLeadership called when this replica stops being the leader; the process should
   *     stop so that a fresh start competes again
   */
  public TransportController(
      TransportConfig config, MeterRegistry registry, Runnable onLostLeadership, Clock clock) {
    super(List.of(config.wds(), config.its()));
    this.config = config;
    this.registry = registry;
    this.onLostLeadership = onLostLeadership;
    this.clock = clock;
  }

  @Override
  public void start() throws Exception {
    super.start();
    var wds = spaces().client("wds");
    var its = spaces().client("its");
    metrics = new TransportMetrics(registry);
    var itsWrites = new RateLimiter(config.itsQps(), config.itsBurst());
    var wdsWrites = new RateLimiter(config.wdsQps(), config.wdsBurst());
    var events = new Events(wds, wdsWrites, clock, identity());
    var index = new BindingIndex();

    bindingQueue =
        new WorkQueue<>(
            "binding",
            config.coalesceDelay(),
            Duration.ofMillis(50),
            Duration.ofSeconds(60),
            config.concurrency(),
            name -> leading ? reconcileBinding(name) : WorkQueue.DONE);
    workload =
        new WorkloadObjects(
            wds,
            key -> index.listing(key).forEach(bindingQueue::enqueue),
            gvr ->
                index
                    .using(new GroupResource(gvr.group(), gvr.resource()))
                    .forEach(bindingQueue::enqueue));
    works = new ManifestWorks(its, config.wdsName(), bindingQueue::enqueue);
    drift = new DriftReports(its, config.wdsName(), bindingQueue::enqueue);
    properties =
        new InventoryProperties(
            its, cluster -> index.sensitiveTo(cluster).forEach(bindingQueue::enqueue));
    customTransforms =
        new CustomTransforms(
            wds,
            gr -> {
              index.using(gr).forEach(bindingQueue::enqueue);
              if (customTransformQueue != null) {
                customTransformQueue.enqueue(gr);
              }
            });
    var ctStatus = new CustomTransformStatusReconciler(wds, customTransforms, wdsWrites, events);
    customTransformQueue =
        new WorkQueue<>(
            "customtransform",
            config.coalesceDelay(),
            Duration.ofMillis(200),
            Duration.ofSeconds(60),
            1,
            gr -> leading ? ctStatus.reconcile(gr) : WorkQueue.DONE);

    bindingInformer = wds.resources(Binding.class).runnableInformer(0);
    bindingInformer.addEventHandler(
        new ResourceEventHandler<>() {
          @Override
          public void onAdd(Binding binding) {
            index.update(binding);
            bindingQueue.enqueue(binding.getMetadata().getName());
          }

          @Override
          public void onUpdate(Binding before, Binding after) {
            index.update(after);
            var b = before.getMetadata();
            var a = after.getMetadata();
            // Status writes (ours and the binding controller's) change nothing to deliver.
            if (!Objects.equals(b.getGeneration(), a.getGeneration())
                || !Objects.equals(b.getDeletionTimestamp(), a.getDeletionTimestamp())
                || !Objects.equals(b.getFinalizers(), a.getFinalizers())
                || !Objects.equals(b.getUid(), a.getUid())) {
              bindingQueue.enqueue(a.getName());
            }
          }

          @Override
          public void onDelete(Binding binding, boolean unknownFinalState) {
            bindingQueue.enqueue(binding.getMetadata().getName());
          }
        });

    // ManifestWork writes of all Bindings share these threads; the ITS client bounds requests.
    writers =
        Executors.newFixedThreadPool(
            Math.min(32, config.its().maxConcurrentRequests()),
            r -> {
              var thread = new Thread(r, "manifestwork-writer");
              thread.setDaemon(true);
              return thread;
            });
    var reconciler =
        new BindingReconciler(
            wds,
            bindingInformer.getStore(),
            workload,
            customTransforms,
            properties,
            works,
            index,
            new ManifestWorkRenderer(
                config.wdsName(),
                new BundlingLimits(config.maxNumWrapped(), config.maxSizeWrapped()),
                config.updateStrategy()),
            itsWrites,
            wdsWrites,
            events,
            metrics,
            clock,
            writers,
            name -> driftWatched ? drift.of(name) : List.of());
    this.reconciler = reconciler;

    metrics.gauge(
        "kubestellar.transport.queue.depth", "Bindings waiting or syncing", bindingQueue::depth);
    metrics.gauge("kubestellar.transport.manifestworks", "ManifestWorks of this WDS", works::size);
    metrics.gauge(
        "kubestellar.transport.leader",
        "1 while this replica is the leader",
        () -> leading ? 1 : 0);

    background =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              var thread = new Thread(r, "transport-background");
              thread.setDaemon(true);
              return thread;
            });
    background.execute(() -> awaitKindsThenStart(wds, its));
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
    liveness.watch("wds:bindings", bindingInformer);
    bindingInformer.start();
    customTransforms.start(liveness);
    works.start(liveness);
    properties.start(liveness);
    watchDriftWhenServed(its);
    awaitSyncThenElect(wds, its);
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

  private BindingReconciler reconciler;

  private WorkQueue.Outcome reconcileBinding(String name) {
    return reconciler.reconcile(name);
  }

  private void awaitSyncThenElect(KubernetesClient wds, KubernetesClient its) {
    // D14: nothing is written, and above all nothing deleted, before every cache has synced.
    while (!stopping
        && !(bindingInformer.hasSynced()
            && customTransforms.hasSynced()
            && works.hasSynced()
            && (!driftWatched || drift.hasSynced())
            && properties.hasSynced())) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    if (stopping) {
      return;
    }
    synced = true;
    LOG.atInfo()
        .setMessage("caches synced")
        .addKeyValue("bindings", bindingInformer.getStore().list().size())
        .addKeyValue("manifestWorks", works.size())
        .log();
    bindingQueue.start();
    customTransformQueue.start();
    if (config.leaderElect()) {
      var lock =
          new LeaseLock(config.leaderElectionNamespace(), config.leaderElectionId(), identity());
      var electionConfig =
          new LeaderElectionConfigBuilder()
              .withName(config.leaderElectionId())
              .withLock(lock)
              .withLeaseDuration(Duration.ofSeconds(15))
              .withRenewDeadline(Duration.ofSeconds(10))
              .withRetryPeriod(Duration.ofSeconds(2))
              .withReleaseOnCancel(true)
              .withLeaderCallbacks(
                  new LeaderCallbacks(
                      () -> startLeading(its),
                      this::stopLeading,
                      leader ->
                          LOG.atInfo().setMessage("leader is").addKeyValue("leader", leader).log()))
              .build();
      election = wds.leaderElector().withConfig(electionConfig).build().start();
    } else {
      startLeading(its);
    }
  }

  private void startLeading(KubernetesClient its) {
    LOG.info("leading: syncing every Binding");
    leading = true;
    background.execute(() -> ensurePropertiesNamespace(its));
    bindingInformer.getStore().listKeys().forEach(bindingQueue::enqueue);
    // Works whose Binding is gone are orphans; their sync deletes them.
    works.bindingNames().forEach(bindingQueue::enqueue);
    customTransforms.all().stream()
        .map(CustomTransforms::groupResource)
        .distinct()
        .forEach(customTransformQueue::enqueue);
  }

  private void stopLeading() {
    if (leading) {
      leading = false;
      LOG.warn("lost leadership; stopping");
      onLostLeadership.run();
    }
  }

  private void ensurePropertiesNamespace(KubernetesClient its) {
    while (leading) {
      try {
        var namespaces = its.namespaces();
        if (namespaces.withName(TransportKeys.PROPERTIES_NAMESPACE).get() == null) {
          namespaces
              .resource(
                  new NamespaceBuilder()
                      .withNewMetadata()
                      .withName(TransportKeys.PROPERTIES_NAMESPACE)
                      .endMetadata()
                      .build())
              .create();
        }
        return;
      } catch (KubernetesClientException e) {
        if (e.getCode() == 409) {
          return;
        }
        LOG.atWarn()
            .setMessage("cannot ensure namespace in the ITS; retrying")
            .addKeyValue("namespace", TransportKeys.PROPERTIES_NAMESPACE)
            .addKeyValue("error", e.getMessage())
            .log();
        try {
          Thread.sleep(10_000);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  private String identity() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      host = "unknown";
    }
    return host + "-" + ProcessHandle.current().pid() + "-" + IDENTITY_SUFFIX;
  }

  private static final String IDENTITY_SUFFIX = UUID.randomUUID().toString().substring(0, 8);

  @Override
  public boolean isReady() {
    return super.isReady() && synced && liveness.healthy();
  }

  /** Unhealthy once an informer stopped by itself: its cache no longer follows the space. */
  @Override
  public boolean isHealthy() {
    return liveness.healthy();
  }

  /** Whether this replica currently leads. */
  public boolean isLeading() {
    return leading;
  }

  /** Bindings waiting or syncing. */
  public int queueDepth() {
    return bindingQueue == null ? 0 : bindingQueue.depth();
  }

  /** The meters (for in-process benchmarks). */
  public TransportMetrics metrics() {
    return metrics;
  }

  @Override
  public void stop() {
    var wasLeading = leading;
    leading = false;
    stopping = true;
    liveness.closing();
    if (bindingQueue != null) {
      bindingQueue.close();
    }
    if (customTransformQueue != null) {
      customTransformQueue.close();
    }
    if (election != null) {
      election.cancel(true); // releases the Lease (releaseOnCancel)
    }
    if (writers != null) {
      writers.shutdownNow();
    }
    if (background != null) {
      background.shutdownNow();
      try {
        background.awaitTermination(2, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    for (AutoCloseable closeable :
        new AutoCloseable[] {workload, works, drift, properties, customTransforms}) {
      if (closeable != null) {
        try {
          closeable.close();
        } catch (Exception e) {
          LOG.debug("error while closing", e);
        }
      }
    }
    if (bindingInformer != null) {
      bindingInformer.close();
    }
    LOG.atInfo().setMessage("transport stopped").addKeyValue("wasLeading", wasLeading).log();
    super.stop();
  }
}
