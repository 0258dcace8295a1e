/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.plugin;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.kubestellar.api.WireNames;
import io.kubestellar.api.control.v1alpha1.Binding;
import io.kubestellar.api.control.v1alpha1.BindingPolicy;
import java.util.List;
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

  /** Starts the informers and waits until each has listed once; {@code onChange} runs on events. */
  LiveFacts(KubernetesClient wds, KubernetesClient its, String wdsName, Runnable onChange) {
    bindings = wds.resources(Binding.class).inform(new Bump<>(version, onChange), 0);
    policies = wds.resources(BindingPolicy.class).inform(new Bump<>(version, onChange), 0);
    works =
        its.genericKubernetesResources(DeliveryFactsReader.WORK_API, DeliveryFactsReader.WORK_KIND)
            .inAnyNamespace()
            .withLabel(WireNames.ORIGIN_WDS_LABEL, wdsName)
            .inform(new Bump<>(version, onChange), 0);
    reports =
        its.genericKubernetesResources(
                DeliveryFactsReader.WORK_STATUS_API, DeliveryFactsReader.WORK_STATUS_KIND)
            .inAnyNamespace()
            .withLabel(WireNames.ORIGIN_WDS_LABEL, wdsName)
            .inform(new Bump<>(version, onChange), 0);
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

  List<GenericKubernetesResource> works() {
    return works.getStore().list();
  }

  List<GenericKubernetesResource> reports() {
    return reports.getStore().list();
  }

  @Override
  public void close() {
    bindings.close();
    policies.close();
    works.close();
    reports.close();
  }

  private record Bump<T extends HasMetadata>(AtomicLong version, Runnable onChange)
      implements ResourceEventHandler<T> {
    @Override
    public void onAdd(T obj) {
      changed();
    }

    @Override
    public void onUpdate(T before, T after) {
      changed();
    }

    @Override
    public void onDelete(T obj, boolean unknownFinalState) {
      changed();
    }

    private void changed() {
      version.incrementAndGet();
      onChange.run();
    }
  }
}
