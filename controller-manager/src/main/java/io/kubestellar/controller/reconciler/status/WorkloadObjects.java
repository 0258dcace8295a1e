/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.reconciler.status;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.kubestellar.model.GroupResource;
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

  /** A watched kind. */
  record Kind(
      String group,
      String version,
      String resource,
      String kind,
      boolean namespaced,
      boolean hasStatusSubresource,
      SharedIndexInformer<GenericKubernetesResource> informer) {

    ResourceDefinitionContext context() {
      return new ResourceDefinitionContext.Builder()
          .withGroup(group)
          .withVersion(version)
          .withPlural(resource)
          .withKind(kind)
          .withNamespaced(namespaced)
          .build();
    }

    String apiVersion() {
      return group.isEmpty() ? version : group + "/" + version;
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
    var groupVersion = gr.group().isEmpty() ? version : gr.group() + "/" + version;
    io.fabric8.kubernetes.api.model.APIResourceList list;
    try {
      list = wds.getApiResources(groupVersion);
    } catch (KubernetesClientException e) {
      LOG.atDebug()
          .setMessage("discovery failed")
          .addKeyValue("groupVersion", groupVersion)
          .addKeyValue("error", e.getMessage())
          .log();
      return false;
    }
    if (list == null || list.getResources() == null) {
      return false;
    }
    var main = list.getResources().stream().filter(r -> r.getName().equals(resource)).findFirst();
    if (main.isEmpty()) {
      return false;
    }
    boolean hasStatus =
        list.getResources().stream().anyMatch(r -> r.getName().equals(resource + "/status"));
    var api = main.get();
    var context =
        new ResourceDefinitionContext.Builder()
            .withGroup(gr.group())
            .withVersion(version)
            .withPlural(resource)
            .withKind(api.getKind())
            .withNamespaced(Boolean.TRUE.equals(api.getNamespaced()))
            .build();
    var informer = wds.genericKubernetesResources(context).inAnyNamespace().runnableInformer(0);
    informer.addEventHandler(
        new ResourceEventHandler<>() {
          @Override
          public void onAdd(GenericKubernetesResource obj) {
            onChange.accept(keyOf(gr, obj), obj);
          }

          @Override
          public void onUpdate(GenericKubernetesResource before, GenericKubernetesResource after) {
            if (!java.util.Objects.equals(
                before.getMetadata().getResourceVersion(),
                after.getMetadata().getResourceVersion())) {
              onChange.accept(keyOf(gr, after), after);
            }
          }

          @Override
          public void onDelete(GenericKubernetesResource obj, boolean unknownFinalState) {
            onChange.accept(keyOf(gr, obj), null);
          }
        });
    var kind =
        new Kind(
            gr.group(),
            version,
            resource,
            api.getKind(),
            Boolean.TRUE.equals(api.getNamespaced()),
            hasStatus,
            informer);
    kinds.put(gr, kind);
    informer.start();
    LOG.atInfo()
        .setMessage("watching workload kind")
        .addKeyValue("groupVersion", groupVersion)
        .addKeyValue("resource", resource)
        .addKeyValue("statusSubresource", hasStatus)
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
