/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.reconciler.status;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.kubestellar.model.GroupResource;
import io.kubestellar.runtime.informer.ResourceInformers;
import io.kubestellar.runtime.informer.ResourceType;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Informers on the WDS for the kinds of objects whose status is returned or collected, started on
 * demand as Bindings name new kinds and kept for the life of the process. They give the reconciler
 * the object ({@code obj} in CEL, labels, current status) and re-trigger it when the object changes
 * (D12). Discovery also tells whether the kind has a status subresource.
 */
final class WorkloadObjects implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(WorkloadObjects.class);

  /** A watched kind and its informer. */
  record Kind(ResourceType type, SharedIndexInformer<GenericKubernetesResource> informer) {

    String group() {
      return type.group();
    }

    String kind() {
      return type.kind();
    }

    boolean hasStatusSubresource() {
      return type.statusSubresource();
    }

    ResourceDefinitionContext context() {
      return type.context();
    }

    String apiVersion() {
      return type.apiVersion();
    }
  }

  private final KubernetesClient wds;
  private final BiConsumer<StatusKey.Workload, GenericKubernetesResource> onChange;
  private final Map<GroupResource, Kind> kinds = new ConcurrentHashMap<>();
  private volatile boolean closed;

  /**
   * @param onChange called with the object's key and its new state (null once deleted)
   */
  WorkloadObjects(
      KubernetesClient wds, BiConsumer<StatusKey.Workload, GenericKubernetesResource> onChange) {
    this.wds = wds;
    this.onChange = onChange;
  }

  /**
   * Makes sure the kind is watched. Blocking (discovery); call off the informer threads.
   *
   * @return false if discovery does not know the kind (yet)
   */
  synchronized boolean ensure(String group, String version, String resource) {
    var gr = new GroupResource(group == null ? "" : group, resource);
    if (kinds.containsKey(gr) || closed) {
      return true;
    }
    Optional<ResourceType> discovered;
    try {
      discovered = ResourceType.discover(wds, gr.group(), version, resource);
    } catch (KubernetesClientException e) {
      LOG.atDebug()
          .setMessage("discovery failed")
          .addKeyValue("resource", gr + "/" + version)
          .addKeyValue("error", e.getMessage())
          .log();
      return false;
    }
    if (discovered.isEmpty()) {
      return false;
    }
    var type = discovered.get();
    var informer =
        ResourceInformers.informer(
            wds,
            type,
            (before, after) ->
                onChange.accept(keyOf(gr, ResourceInformers.subject(before, after)), after));
    kinds.put(gr, new Kind(type, informer));
    informer.start();
    LOG.atInfo()
        .setMessage("watching workload kind")
        .addKeyValue("groupVersion", type.apiVersion())
        .addKeyValue("resource", resource)
        .addKeyValue("statusSubresource", type.statusSubresource())
        .log();
    return true;
  }

  /** The watched kind of an object, if any. */
  Optional<Kind> kindOf(StatusKey.Workload key) {
    return Optional.ofNullable(kinds.get(new GroupResource(key.group(), key.resource())));
  }

  /** Whether every watched kind's informer has synced. */
  boolean hasSynced() {
    return kinds.values().stream().allMatch(k -> k.informer().hasSynced());
  }

  /** The cached object, if the kind is watched and synced and the object exists. */
  static GenericKubernetesResource cached(Kind kind, StatusKey.Workload key) {
    return kind.informer().getStore().getByKey(key.storeKey());
  }

  private static StatusKey.Workload keyOf(GroupResource gr, GenericKubernetesResource obj) {
    return new StatusKey.Workload(
        gr.group(), gr.resource(), obj.getMetadata().getNamespace(), obj.getMetadata().getName());
  }

  int size() {
    return kinds.size();
  }

  @Override
  public synchronized void close() {
    closed = true;
    kinds.values().forEach(k -> k.informer().close());
    kinds.clear();
  }
}
