/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.runtime;

import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The informers the process cannot work without. A fabric8 informer that stops (its list or watch
 * failed in a way it does not retry) never restarts by itself, so its cache silently freezes; any
 * such stop that is not part of shutting down makes the process unhealthy, so that Kubernetes
 * restarts it (/healthz).
 */
public final class InformerLiveness {

  private static final Logger LOG = LoggerFactory.getLogger(InformerLiveness.class);

  private final Map<String, SharedIndexInformer<?>> watched = new ConcurrentHashMap<>();
  private final Map<String, String> stopped = new ConcurrentHashMap<>();
  private volatile boolean closing;

  /** Watches an informer, named for logs (e.g. {@code wds:bindings}). */
  public void watch(String name, SharedIndexInformer<?> informer) {
    watched.put(name, informer);
    watchStop(name, informer.stopped());
  }

  /** Watches a cache by the future its informer completes when it stops, named for logs. */
  public void watchStop(String name, CompletionStage<Void> stop) {
    stop.whenComplete(
        (ignored, error) -> {
          if (closing) {
            return;
          }
          var why =
              error == null
                  ? "stopped"
                  : error.getCause() != null ? error.getCause().getMessage() : error.getMessage();
          stopped.put(name, String.valueOf(why));
          LOG.atError()
              .setMessage("informer stopped; the process is unhealthy and must be restarted")
              .addKeyValue("informer", name)
              .addKeyValue("error", why)
              .log();
        });
  }

  /** Records a part that failed for good outside any informer (e.g. the controllers' start). */
  public void failed(String name, String why) {
    stopped.put(name, why);
  }

  /** Whether every watched informer is still running (or the process is shutting down). */
  public boolean healthy() {
    return closing || stopped.isEmpty();
  }

  /** The names of the informers that stopped. */
  public List<String> stoppedInformers() {
    return stopped.keySet().stream().sorted().toList();
  }

  /** Whether every watched informer has been started and is running. */
  public boolean allRunning() {
    return watched.values().stream().allMatch(SharedIndexInformer::isRunning);
  }

  /** Called before closing the informers: stops from now on are expected. */
  public void closing() {
    closing = true;
  }
}
