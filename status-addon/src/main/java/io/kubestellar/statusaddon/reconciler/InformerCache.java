/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.statusaddon.reconciler;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.kubestellar.runtime.informer.InformerRetry;
import java.util.concurrent.CompletionStage;

/**
 * One informer of the agent and what it answers from its cache: {@link StatusAgent} starts it,
 * watches it for stops and closes it; the subclass adds its indexes and lookups.
 */
public abstract class InformerCache<T extends HasMetadata> implements AutoCloseable {

  /** The informer, not yet started. */
  protected final SharedIndexInformer<T> informer;

  protected InformerCache(SharedIndexInformer<T> informer) {
    this.informer = InformerRetry.keepTrying(informer, getClass().getSimpleName());
  }

  /** Starts watching; completes once the cache holds every object. */
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

  @Override
  public void close() {
    informer.close();
  }
}
