/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.transport.reconciler.customtransform;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.kubestellar.api.control.v1alpha1.CustomTransform;
import io.kubestellar.model.GroupResource;
import io.kubestellar.runtime.Generations;
import io.kubestellar.runtime.InformerLiveness;
import io.kubestellar.runtime.informer.InformerRetry;
import io.kubestellar.transport.model.customtransform.CustomTransformInput;
import io.kubestellar.transport.model.customtransform.CustomTransformRules;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The WDS CustomTransforms, digested per group and resource on first use and digested again after
 * any change. Reports the group and resource of every CustomTransform that changed (old and new) so
 * that the Bindings using them are synced again (D6) and the CustomTransforms' status is updated.
 */
public final class CustomTransforms implements AutoCloseable {

  private final SharedIndexInformer<CustomTransform> informer;
  private final Map<GroupResource, CustomTransformRules> digests = new ConcurrentHashMap<>();

  /**
   * @param wds client of the WDS
   * @param onChange called with each group and resource whose rules may have changed
   */
  public CustomTransforms(KubernetesClient wds, Consumer<GroupResource> onChange) {
    informer =
        InformerRetry.keepTrying(
            wds.resources(CustomTransform.class).runnableInformer(0), "wds:customtransforms");
    informer.addEventHandler(
        new ResourceEventHandler<>() {
          @Override
          public void onAdd(CustomTransform ct) {
            changed(groupResource(ct));
          }

          @Override
          public void onUpdate(CustomTransform before, CustomTransform after) {
            if (Objects.equals(
                before.getMetadata().getGeneration(), after.getMetadata().getGeneration())) {
              return; // a status or metadata write; the rules are the same
            }
            changed(groupResource(before));
            changed(groupResource(after));
          }

          @Override
          public void onDelete(CustomTransform ct, boolean unknownFinalState) {
            changed(groupResource(ct));
          }

          private void changed(GroupResource groupResource) {
            digests.remove(groupResource);
            onChange.accept(groupResource);
          }
        });
  }

  /** Starts the informer, watched by {@code liveness}; returns at once. */
  public void start(InformerLiveness liveness) {
    liveness.watch("wds:customtransforms", informer);
    informer.start();
  }

  public boolean hasSynced() {
    return informer.hasSynced();
  }

  /** The digest of every CustomTransform for a group and resource. */
  public CustomTransformRules rules(GroupResource groupResource) {
    return digests.computeIfAbsent(groupResource, gr -> CustomTransformRules.digest(gr, inputs()));
  }

  /** Every CustomTransform as cached. */
  public List<CustomTransform> all() {
    return informer.getStore().list();
  }

  /** The cached CustomTransform of that name, or null. */
  public CustomTransform get(String name) {
    return informer.getStore().getByKey(name);
  }

  private List<CustomTransformInput> inputs() {
    return all().stream().map(CustomTransforms::input).toList();
  }

  static CustomTransformInput input(CustomTransform ct) {
    var spec = ct.getSpec();
    return new CustomTransformInput(
        ct.getMetadata().getName(),
        Generations.of(ct),
        spec == null ? "" : spec.apiGroup(),
        spec == null ? "" : spec.resource(),
        spec == null ? List.of() : spec.remove());
  }

  /** The group and resource a CustomTransform names. */
  public static GroupResource groupResource(CustomTransform ct) {
    return input(ct).groupResource();
  }

  @Override
  public void close() {
    informer.close();
  }
}
