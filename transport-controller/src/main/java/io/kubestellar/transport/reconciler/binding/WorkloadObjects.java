/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.transport.reconciler.binding;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.kubestellar.runtime.informer.ResourceInformers;
import io.kubestellar.runtime.informer.ResourceType;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WDS workload objects that Bindings list, watched through one informer per group, version and
 * resource, started the first time a Binding lists that resource. A WDS edit therefore reaches the
 * transport as an informer event, without waiting for the Binding to be rewritten (D7).
 */
public final class WorkloadObjects implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(WorkloadObjects.class);

  /** The result of looking an object up. */
  public sealed interface Lookup {
    /** The object exists in the WDS. */
    record Found(GenericKubernetesResource object) implements Lookup {}

    /** The object does not exist (the informer has synced and does not hold it). */
    record Absent() implements Lookup {}

    /** The informer of its resource has not synced yet; ask again shortly. */
    record Syncing() implements Lookup {}

    /** The resource cannot be watched (not served, forbidden…). */
    record Unavailable(String reason) implements Lookup {}
  }

  private final KubernetesClient wds;
  private final Consumer<WorkloadRef.ObjectKey> onChange;
  private final Consumer<WorkloadRef.Gvr> onLost;
  private final Map<WorkloadRef.Gvr, Watched> informers = new ConcurrentHashMap<>();
  private volatile boolean closed;

  private record Watched(
      SharedIndexInformer<GenericKubernetesResource> informer,
      CompletableFuture<Void> started,
      String kind) {}

  /**
   * @param wds client of the WDS
   * @param onChange called with the identity of every object added, changed or deleted
   * @param onLost called when the informer of a resource stopped by itself (e.g. its CRD was
   *     deleted); it is forgotten, and the next lookup watches the resource afresh
   */
  public WorkloadObjects(
      KubernetesClient wds,
      Consumer<WorkloadRef.ObjectKey> onChange,
      Consumer<WorkloadRef.Gvr> onLost) {
    this.wds = wds;
    this.onChange = onChange;
    this.onLost = onLost;
  }

  /** Looks an object up in its resource's informer, starting that informer on first use. */
  public Lookup get(WorkloadRef ref) {
    var watched = informers.computeIfAbsent(ref.gvr(), this::watch);
    if (watched.started().isCompletedExceptionally()) {
      // Forget it so that the next lookup (the Binding is retried with backoff) tries again.
      if (informers.remove(ref.gvr(), watched) && watched.informer() != null) {
        watched.informer().close();
      }
      var failure = watched.started().handle((ok, error) -> error).join();
      return new Lookup.Unavailable(
          "cannot watch "
              + ref.resource()
              + (ref.group().isEmpty() ? "" : "." + ref.group())
              + " "
              + ref.version()
              + " in the WDS: "
              + (failure.getCause() != null
                  ? failure.getCause().getMessage()
                  : failure.getMessage()));
    }
    if (!watched.informer().hasSynced()) {
      return new Lookup.Syncing();
    }
    var object =
        watched
            .informer()
            .getStore()
            .getByKey(ResourceInformers.storeKey(ref.namespace(), ref.name()));
    if (object == null) {
      return new Lookup.Absent();
    }
    // Items of a list carry no apiVersion and kind; the manifest needs both.
    var copy = new GenericKubernetesResource();
    copy.setApiVersion(ref.gvr().apiVersion());
    copy.setKind(watched.kind());
    copy.setMetadata(object.getMetadata());
    copy.setAdditionalProperties(object.getAdditionalProperties());
    return new Lookup.Found(copy);
  }

  /** How many resources are watched. */
  public int watchedResources() {
    return informers.size();
  }

  private Watched watch(WorkloadRef.Gvr gvr) {
    Optional<ResourceType> served;
    try {
      served = ResourceType.discover(wds, gvr.group(), gvr.version(), gvr.resource());
    } catch (RuntimeException e) {
      return new Watched(null, CompletableFuture.failedFuture(e), null);
    }
    if (served.isEmpty()) {
      return new Watched(
          null,
          CompletableFuture.failedFuture(
              new IllegalStateException("the WDS does not serve this resource")),
          null);
    }
    var kind = served.get().kind();
    // The scope is the Binding's (its entry names a namespace or not), as before discovery.
    var type =
        new ResourceType(gvr.group(), gvr.version(), gvr.resource(), kind, gvr.namespaced(), false);
    var informer =
        ResourceInformers.informer(
            wds,
            type,
            (before, after) -> {
              var metadata = ResourceInformers.subject(before, after).getMetadata();
              onChange.accept(
                  new WorkloadRef.ObjectKey(
                      gvr.group(),
                      gvr.resource(),
                      metadata.getNamespace() == null ? "" : metadata.getNamespace(),
                      metadata.getName()));
            });
    LOG.atInfo()
        .setMessage("watching workload resource")
        .addKeyValue("resource", gvr.resource())
        .addKeyValue("group", gvr.group())
        .addKeyValue("version", gvr.version())
        .log();
    var started = informer.start().toCompletableFuture().thenApply(ignored -> (Void) null);
    var watched = new Watched(informer, started, kind);
    // A stopped informer never restarts and its cache freezes: forget it, so that the next lookup
    // watches the resource again (or reports it unavailable), and have its Bindings synced.
    // A failed start is reported by get() and retried with the Binding's backoff instead.
    started
        .thenCompose(ignored -> informer.stopped())
        .whenComplete(
            (ignored, error) -> {
              if (closed || !started.isDone() || started.isCompletedExceptionally()) {
                return;
              }
              if (!informers.remove(gvr, watched)) {
                return;
              }
              LOG.atWarn()
                  .setMessage("workload informer stopped; will watch again on next use")
                  .addKeyValue("resource", gvr.resource())
                  .addKeyValue("group", gvr.group())
                  .addKeyValue("version", gvr.version())
                  .addKeyValue("error", error == null ? null : error.getMessage())
                  .log();
              onLost.accept(gvr);
            });
    return watched;
  }

  @Override
  public void close() {
    closed = true;
    informers.values().stream()
        .filter(w -> w.informer() != null)
        .forEach(w -> w.informer().close());
    informers.clear();
  }
}
