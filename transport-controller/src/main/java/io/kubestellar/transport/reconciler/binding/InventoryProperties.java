/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.transport.reconciler.binding;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.kubestellar.runtime.InformerLiveness;
import io.kubestellar.transport.model.TransportKeys;
import io.kubestellar.transport.model.template.ClusterProperties;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The template properties of every inventory cluster (§5.2), from ITS informers on ManagedClusters
 * and on the ConfigMaps in {@code customization-properties}. Reports the cluster name whenever
 * either changes in a way that matters, so that Bindings depending on it are synced again (D6).
 */
public final class InventoryProperties implements AutoCloseable {

  /** The OCM ManagedCluster resource. */
  public static final ResourceDefinitionContext MANAGED_CLUSTERS =
      new ResourceDefinitionContext.Builder()
          .withGroup("cluster.open-cluster-management.io")
          .withVersion("v1")
          .withKind("ManagedCluster")
          .withPlural("managedclusters")
          .withNamespaced(false)
          .build();

  private final SharedIndexInformer<GenericKubernetesResource> clusters;
  private final SharedIndexInformer<ConfigMap> configMaps;

  /**
   * @param its client of the ITS
   * @param onChange called with a cluster name when its labels, annotations or ConfigMap change
   */
  public InventoryProperties(KubernetesClient its, Consumer<String> onChange) {
    clusters = its.genericKubernetesResources(MANAGED_CLUSTERS).runnableInformer(0);
    configMaps =
        its.configMaps().inNamespace(TransportKeys.PROPERTIES_NAMESPACE).runnableInformer(0);
    clusters.addEventHandler(
        new Handler<>(onChange) {
          @Override
          boolean matters(GenericKubernetesResource before, GenericKubernetesResource after) {
            return !Objects.equals(
                    before.getMetadata().getLabels(), after.getMetadata().getLabels())
                || !Objects.equals(
                    before.getMetadata().getAnnotations(), after.getMetadata().getAnnotations());
          }
        });
    configMaps.addEventHandler(
        new Handler<>(onChange) {
          @Override
          boolean matters(ConfigMap before, ConfigMap after) {
            return !Objects.equals(before.getData(), after.getData())
                || !Objects.equals(before.getBinaryData(), after.getBinaryData());
          }
        });
  }

  /** Starts both informers, watched by {@code liveness}; returns at once. */
  public void start(InformerLiveness liveness) {
    liveness.watch("its:managedclusters", clusters);
    liveness.watch("its:configmaps/" + TransportKeys.PROPERTIES_NAMESPACE, configMaps);
    clusters.start();
    configMaps.start();
  }

  public boolean hasSynced() {
    return clusters.hasSynced() && configMaps.hasSynced();
  }

  /** The properties of a cluster; a missing ManagedCluster or ConfigMap contributes nothing. */
  public Map<String, String> of(String cluster) {
    var managedCluster = clusters.getStore().getByKey(cluster);
    var configMap =
        configMaps.getStore().getByKey(TransportKeys.PROPERTIES_NAMESPACE + "/" + cluster);
    return ClusterProperties.collect(
            cluster,
            managedCluster == null ? null : managedCluster.getMetadata().getLabels(),
            managedCluster == null ? null : managedCluster.getMetadata().getAnnotations(),
            configMap == null ? null : configMap.getData(),
            configMap == null ? null : configMap.getBinaryData())
        .values();
  }

  @Override
  public void close() {
    clusters.close();
    configMaps.close();
  }

  private abstract static class Handler<T extends HasMetadata> implements ResourceEventHandler<T> {
    private final Consumer<String> onChange;

    Handler(Consumer<String> onChange) {
      this.onChange = onChange;
    }

    abstract boolean matters(T before, T after);

    @Override
    public void onAdd(T object) {
      onChange.accept(object.getMetadata().getName());
    }

    @Override
    public void onUpdate(T before, T after) {
      if (matters(before, after)) {
        onChange.accept(after.getMetadata().getName());
      }
    }

    @Override
    public void onDelete(T object, boolean unknownFinalState) {
      onChange.accept(object.getMetadata().getName());
    }
  }
}
