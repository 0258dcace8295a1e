/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.statusaddon.reconciler;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.kubestellar.ocm.work.v1.ManifestWork;
import io.kubestellar.statusaddon.model.ManifestWorkFacts;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/**
 * The ManifestWorks in the WEC's namespace of the ITS, for their labels (copied to WorkStatuses)
 * and UIDs (the WorkStatus owner).
 */
public final class ManifestWorks implements AutoCloseable {

  /** Told when a ManifestWork appears, goes, or changes labels or identity. */
  public interface Listener {
    void manifestWorkChanged(String name);
  }

  private final SharedIndexInformer<ManifestWork> informer;
  private final String clusterNamespace;

  public ManifestWorks(KubernetesClient its, String clusterNamespace) {
    this.clusterNamespace = clusterNamespace;
    informer = its.resources(ManifestWork.class).inNamespace(clusterNamespace).runnableInformer(0);
  }

  /** Registers the listener; call before {@link #start}. */
  public void listen(Listener listener) {
    informer.addEventHandler(
        new ResourceEventHandler<ManifestWork>() {
          @Override
          public void onAdd(ManifestWork work) {
            listener.manifestWorkChanged(work.getMetadata().getName());
          }

          @Override
          public void onUpdate(ManifestWork before, ManifestWork after) {
            // The work agent rewrites ManifestWork status every few seconds; only labels and
            // identity matter here.
            if (!Objects.equals(before.getMetadata().getLabels(), after.getMetadata().getLabels())
                || !Objects.equals(before.getMetadata().getUid(), after.getMetadata().getUid())) {
              listener.manifestWorkChanged(after.getMetadata().getName());
            }
          }

          @Override
          public void onDelete(ManifestWork work, boolean finalStateUnknown) {
            listener.manifestWorkChanged(work.getMetadata().getName());
          }
        });
  }

  public CompletionStage<Void> start() {
    return informer.start();
  }

  /** Completes when the informer stops: on close, or (exceptionally) when it gives up. */
  public CompletionStage<Void> stopped() {
    return informer.stopped();
  }

  public boolean hasSynced() {
    return informer.hasSynced();
  }

  /** Labels and UID of a ManifestWork; null when there is none. */
  public ManifestWorkFacts facts(String name) {
    var work = informer.getStore().getByKey(Cache.namespaceKeyFunc(clusterNamespace, name));
    if (work == null) {
      return null;
    }
    return new ManifestWorkFacts(name, work.getMetadata().getUid(), work.getMetadata().getLabels());
  }

  @Override
  public void close() {
    informer.close();
  }
}
