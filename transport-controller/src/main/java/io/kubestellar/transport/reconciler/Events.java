/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.transport.reconciler;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubestellar.runtime.EventPoster;
import io.kubestellar.runtime.TokenBucket;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records Kubernetes Events in the WDS about its objects (D15), once per distinct reason and
 * message per object, so a retried failure does not flood the event list.
 */
public final class Events {

  private static final String COMPONENT = "transport-controller";

  private final EventPoster events;
  private final TokenBucket writes;
  private final Map<String, String> lastByObject = new ConcurrentHashMap<>();

  /**
   * @param instance this replica's identity, the one it holds the Lease with
   */
  public Events(KubernetesClient wds, TokenBucket writes, Clock clock, String instance) {
    this.events = new EventPoster(wds, COMPONENT, instance, clock);
    this.writes = writes;
  }

  /** A Warning event, unless the last event about this object said the same. */
  public void warning(HasMetadata object, String reason, String message) {
    record(object, "Warning", reason, message);
  }

  /** A Normal event, unless the last event about this object said the same. */
  public void normal(HasMetadata object, String reason, String message) {
    record(object, "Normal", reason, message);
  }

  /** Forgets what was said about an object, e.g. once it is fine again. */
  public void forget(HasMetadata object) {
    lastByObject.remove(object.getMetadata().getUid());
  }

  private void record(HasMetadata object, String type, String reason, String message) {
    var uid = object.getMetadata().getUid();
    var said = type + "/" + reason + "/" + message;
    if (uid == null || said.equals(lastByObject.put(uid, said))) {
      return;
    }
    var about =
        new ObjectReferenceBuilder()
            .withApiVersion(object.getApiVersion())
            .withKind(object.getKind())
            .withName(object.getMetadata().getName())
            .withNamespace(object.getMetadata().getNamespace())
            .withUid(uid)
            .withResourceVersion(object.getMetadata().getResourceVersion())
            .build();
    try {
      writes.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // stopping: the event is not worth delaying shutdown
      return;
    }
    events.tryPost(
        about, type, reason, message.length() > 1000 ? message.substring(0, 1000) + "…" : message);
  }
}
