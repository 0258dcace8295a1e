/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.runtime.informer;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import java.util.Objects;

/**
 * The one way the components watch resource types that are only known at run time (workload kinds
 * in the WDS, delivered kinds in a WEC): a generic fabric8 informer over the whole space, with no
 * resync, whose events reach one {@link Changes} callback. Each component keeps its own policy of
 * which types to watch and when; how one type is watched is written here once.
 */
public final class ResourceInformers {

  /** What an informer tells: an object came, changed or went. */
  @FunctionalInterface
  public interface Changes {
    /**
     * @param before the previous state, null when the object was added
     * @param after the new state, null when the object was deleted
     */
    void changed(GenericKubernetesResource before, GenericKubernetesResource after);
  }

  private ResourceInformers() {}

  /**
   * A new, unstarted informer on every object of the type (all namespaces for a namespaced type),
   * whose events go to {@code changes} as {@link #listen} says.
   */
  public static SharedIndexInformer<GenericKubernetesResource> informer(
      KubernetesClient client, ResourceType type, Changes changes) {
    var informer = informer(client, type);
    listen(informer, changes);
    return informer;
  }

  /** A new, unstarted informer on every object of the type, with no handler yet. */
  public static SharedIndexInformer<GenericKubernetesResource> informer(
      KubernetesClient client, ResourceType type) {
    var resources = client.genericKubernetesResources(type.context());
    var informer =
        type.namespaced()
            ? resources.inAnyNamespace().runnableInformer(0)
            : resources.runnableInformer(0);
    return InformerRetry.keepTrying(informer, type.context().getPlural());
  }

  /**
   * Passes an informer's events on to {@code changes}. Updates that keep the resourceVersion (the
   * informer's relists) are not passed on, so an idle space produces no work.
   */
  public static void listen(
      SharedIndexInformer<GenericKubernetesResource> informer, Changes changes) {
    informer.addEventHandler(
        new ResourceEventHandler<>() {
          @Override
          public void onAdd(GenericKubernetesResource object) {
            changes.changed(null, object);
          }

          @Override
          public void onUpdate(GenericKubernetesResource before, GenericKubernetesResource after) {
            if (!Objects.equals(
                before.getMetadata().getResourceVersion(),
                after.getMetadata().getResourceVersion())) {
              changes.changed(before, after);
            }
          }

          @Override
          public void onDelete(GenericKubernetesResource object, boolean finalStateUnknown) {
            changes.changed(object, null);
          }
        });
  }

  /** The informer store's key of an object: {@code namespace/name}, or the name alone. */
  public static String storeKey(String namespace, String name) {
    return namespace == null || namespace.isEmpty()
        ? name
        : Cache.namespaceKeyFunc(namespace, name);
  }

  /** The object whose event this is: the new state, or the last one for a deletion. */
  public static GenericKubernetesResource subject(
      GenericKubernetesResource before, GenericKubernetesResource after) {
    return after != null ? after : before;
  }
}
