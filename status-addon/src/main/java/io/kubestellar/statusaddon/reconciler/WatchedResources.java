/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.statusaddon.reconciler;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.kubestellar.runtime.informer.ResourceInformers;
import io.kubestellar.runtime.informer.ResourceType;
import io.kubestellar.statusaddon.model.GroupVersionResource;
import io.kubestellar.statusaddon.model.ObjectKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One informer per resource type that some AppliedManifestWork lists, on the whole WEC: started
 * when a type is first referenced (also for kinds whose CRD arrived after the agent started),
 * stopped when no AppliedManifestWork references it any more.
 */
public final class WatchedResources implements AutoCloseable {

  /** Told about object changes and about types becoming watched or unwatched. */
  public interface Listener {
    void objectChanged(ObjectKey key);

    /** The informer of a type has listed every object once. */
    void typeSynced(GroupVersionResource type);

    /** No AppliedManifestWork references the type any more; its informer is gone. */
    void typeDropped(GroupVersionResource type);
  }

  /** Where a type stands. */
  public enum State {
    UNWATCHED,
    STARTING,
    SYNCED
  }

  private static final Logger LOG = LoggerFactory.getLogger(WatchedResources.class);
  private static final Duration RETRY_BASE = Duration.ofMillis(500);

  private final KubernetesClient wec;
  private final ScheduledExecutorService scheduler;
  private final Duration retryMax;
  private final Map<GroupVersionResource, Watch> watches = new ConcurrentHashMap<>();
  private volatile Listener listener;

  private static final class Watch {
    final GroupVersionResource type;
    volatile SharedIndexInformer<GenericKubernetesResource> informer;
    volatile boolean synced;
    volatile boolean attempted;
    volatile boolean stopped;
    int failures;

    Watch(GroupVersionResource type) {
      this.type = type;
    }
  }

  /**
   * @param scheduler runs discovery and informer starts and stops, and their retries
   * @param retryMax longest wait between attempts to watch a type that cannot be watched yet
   */
  public WatchedResources(
      KubernetesClient wec, ScheduledExecutorService scheduler, Duration retryMax) {
    this.wec = wec;
    this.scheduler = scheduler;
    this.retryMax = retryMax;
  }

  public void listen(Listener listener) {
    this.listener = listener;
  }

  /** Watches exactly these types: starts informers for new ones, stops those no longer wanted. */
  public synchronized void retain(Set<GroupVersionResource> wanted) {
    for (var type : wanted) {
      if (!watches.containsKey(type)) {
        var watch = new Watch(type);
        watches.put(type, watch);
        scheduler.execute(() -> start(watch));
      }
    }
    for (var type : List.copyOf(watches.keySet())) {
      if (!wanted.contains(type)) {
        var watch = watches.remove(type);
        watch.stopped = true;
        scheduler.execute(() -> stopInformer(watch));
        LOG.atInfo().setMessage("stopped watching").addKeyValue("resource", type).log();
        listener.typeDropped(type);
      }
    }
  }

  /** Where a type stands. */
  public State state(GroupVersionResource type) {
    var watch = watches.get(type);
    if (watch == null) {
      return State.UNWATCHED;
    }
    return watch.synced ? State.SYNCED : State.STARTING;
  }

  /** An object from the cache of its type; null when absent or its type is not synced. */
  public GenericKubernetesResource get(ObjectKey key) {
    var watch = watches.get(key.type());
    var informer = watch == null ? null : watch.informer;
    if (informer == null) {
      return null;
    }
    return informer.getStore().getByKey(ResourceInformers.storeKey(key.namespace(), key.name()));
  }

  /** Keys of the cached objects of a type that an AppliedManifestWork owns. */
  public List<ObjectKey> appliedObjectsOfType(GroupVersionResource type) {
    var watch = watches.get(type);
    var informer = watch == null ? null : watch.informer;
    var keys = new ArrayList<ObjectKey>();
    if (informer == null) {
      return keys;
    }
    for (var object : informer.getStore().list()) {
      var owners = object.getMetadata().getOwnerReferences();
      if (owners != null
          && owners.stream().anyMatch(ref -> "AppliedManifestWork".equals(ref.getKind()))) {
        keys.add(keyOf(type, object));
      }
    }
    return keys;
  }

  /** How many types are watched. */
  public int size() {
    return watches.size();
  }

  /** Whether every watched type has synced or failed at least once (used for readiness). */
  public boolean allAttempted() {
    return watches.values().stream().allMatch(w -> w.attempted);
  }

  private void start(Watch watch) {
    if (watch.stopped) {
      return;
    }
    try {
      var informer =
          ResourceInformers.informer(
              wec,
              discover(watch.type),
              (before, after) ->
                  listener.objectChanged(
                      keyOf(watch.type, ResourceInformers.subject(before, after))));
      watch.informer = informer;
      informer
          .start()
          .whenComplete(
              (ignored, error) -> {
                if (error != null) {
                  failed(watch, error);
                } else if (watch.stopped) {
                  stopInformer(watch);
                } else {
                  watch.synced = true;
                  watch.attempted = true;
                  watch.failures = 0;
                  LOG.atInfo().setMessage("watching").addKeyValue("resource", watch.type).log();
                  listener.typeSynced(watch.type);
                  // A stopped informer never restarts and its cache freezes; watch afresh.
                  informer
                      .stopped()
                      .whenComplete(
                          (stoppedOk, stopError) -> {
                            if (!watch.stopped && watch.informer == informer) {
                              failed(
                                  watch,
                                  stopError != null
                                      ? stopError
                                      : new IllegalStateException("the informer stopped"));
                            }
                          });
                }
              });
    } catch (RuntimeException e) {
      failed(watch, e);
    }
  }

  private ResourceType discover(GroupVersionResource type) {
    return ResourceType.discover(wec, type.group(), type.version(), type.resource())
        .orElseThrow(() -> new IllegalStateException("the WEC does not serve " + type + " (yet)"));
  }

  private void failed(Watch watch, Throwable error) {
    watch.attempted = true;
    stopInformer(watch);
    if (watch.stopped) {
      return;
    }
    watch.failures++;
    long delay =
        Math.min(retryMax.toMillis(), RETRY_BASE.toMillis() << Math.min(watch.failures - 1, 16));
    LOG.atWarn()
        .setMessage("cannot watch resource; will retry")
        .addKeyValue("resource", watch.type)
        .addKeyValue("retryInMs", delay)
        .addKeyValue("error", message(error))
        .log();
    try {
      scheduler.schedule(() -> start(watch), delay, TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.RejectedExecutionException stopping) {
      // shutting down
    }
  }

  private static String message(Throwable error) {
    var cause = error;
    while (cause.getCause() != null && cause instanceof java.util.concurrent.CompletionException) {
      cause = cause.getCause();
    }
    return cause.getMessage();
  }

  private void stopInformer(Watch watch) {
    var informer = watch.informer;
    watch.informer = null;
    watch.synced = false;
    if (informer != null) {
      informer.stop();
    }
  }

  private static ObjectKey keyOf(GroupVersionResource type, GenericKubernetesResource object) {
    return new ObjectKey(type, object.getMetadata().getNamespace(), object.getMetadata().getName());
  }

  @Override
  public synchronized void close() {
    for (var watch : watches.values()) {
      watch.stopped = true;
      stopInformer(watch);
    }
    watches.clear();
  }
}
