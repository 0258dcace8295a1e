/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.plugin;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.kubestellar.api.WireNames;
import io.kubestellar.api.control.v1alpha1.Binding;
import io.kubestellar.api.control.v1alpha1.BindingPolicy;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Informers on what the console shows: Bindings and BindingPolicies in the WDS, this WDS's
 * ManifestWorks and WorkStatuses in the ITS. Every event bumps a version and calls the listener, so
 * pages refresh from watches instead of polling.
 */
final class LiveFacts implements AutoCloseable {

  private final AtomicLong version = new AtomicLong();
  private final SharedIndexInformer<Binding> bindings;
  private final SharedIndexInformer<BindingPolicy> policies;
  private final SharedIndexInformer<GenericKubernetesResource> works;
  private final SharedIndexInformer<GenericKubernetesResource> reports;
  private final Map<String, JsonNode> workTrees = new ConcurrentHashMap<>();
  private final Map<String, JsonNode> reportTrees = new ConcurrentHashMap<>();

  /** Starts the informers and waits until each has listed once; {@code onChange} runs on events. */
  LiveFacts(KubernetesClient wds, KubernetesClient its, String wdsName, Runnable onChange) {
    bindings = wds.resources(Binding.class).inform(new Bump<>(version, onChange, null, null), 0);
    policies =
        wds.resources(BindingPolicy.class).inform(new Bump<>(version, onChange, null, null), 0);
    works =
        its.genericKubernetesResources(DeliveryFactsReader.WORK_API, DeliveryFactsReader.WORK_KIND)
            .inAnyNamespace()
            .withLabel(WireNames.ORIGIN_WDS_LABEL, wdsName)
            .inform(new Bump<>(version, onChange, workTrees, DeliveryFactsReader.WORK_FIELDS), 0);
    reports =
        its.genericKubernetesResources(
                DeliveryFactsReader.WORK_STATUS_API, DeliveryFactsReader.WORK_STATUS_KIND)
            .inAnyNamespace()
            .withLabel(WireNames.ORIGIN_WDS_LABEL, wdsName)
            .inform(
                new Bump<>(version, onChange, reportTrees, DeliveryFactsReader.REPORT_FIELDS), 0);
  }

  long version() {
    return version.get();
  }

  List<Binding> bindings() {
    return bindings.getStore().list();
  }

  List<BindingPolicy> policies() {
    return policies.getStore().list();
  }

  /**
   * The ManifestWorks as the trees {@link DeliveryFactsReader#assemble} reads, cut to what it reads
   * and converted once per event, so a page's refresh does not convert thousands of objects.
   */
  Collection<JsonNode> works() {
    return workTrees.values();
  }

  /** The WorkStatuses as trees, like {@link #works()}. */
  Collection<JsonNode> reports() {
    return reportTrees.values();
  }

  @Override
  public void close() {
    bindings.close();
    policies.close();
    works.close();
    reports.close();
  }

  /**
   * Bumps the version on every event, keeping {@code trees} (when given) in step: each object
   * converted and cut to {@code kept}, by namespace and name.
   */
  private record Bump<T extends HasMetadata>(
      AtomicLong version, Runnable onChange, Map<String, JsonNode> trees, Set<String> kept)
      implements ResourceEventHandler<T> {
    @Override
    public void onAdd(T obj) {
      keep(obj);
      changed();
    }

    @Override
    public void onUpdate(T before, T after) {
      keep(after);
      changed();
    }

    @Override
    public void onDelete(T obj, boolean unknownFinalState) {
      if (trees != null) {
        trees.remove(key(obj));
      }
      changed();
    }

    private void keep(T obj) {
      if (trees != null) {
        trees.put(
            key(obj), JsonListReader.cut(Spaces.JSON.convertValue(obj, JsonNode.class), kept));
      }
    }

    private static String key(HasMetadata obj) {
      return obj.getMetadata().getNamespace() + "/" + obj.getMetadata().getName();
    }

    private void changed() {
      version.incrementAndGet();
      onChange.run();
    }
  }
}
