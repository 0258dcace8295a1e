/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.transport.reconciler;

import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kubestellar.runtime.TokenBucket;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records Kubernetes Events in the WDS about its objects (D15), once per distinct reason and
 * message per object, so a retried failure does not flood the event list.
 */
public final class Events {

  private static final Logger LOG = LoggerFactory.getLogger(Events.class);
  private static final String COMPONENT = "transport-controller";

  private final KubernetesClient wds;
  private final TokenBucket writes;
  private final Clock clock;
  private final String host;
  private final Map<String, String> lastByObject = new ConcurrentHashMap<>();

  public Events(KubernetesClient wds, TokenBucket writes, Clock clock, String host) {
    this.wds = wds;
    this.writes = writes;
    this.clock = clock;
    this.host = host;
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
    var namespace = object.getMetadata().getNamespace();
    var now = Instant.now(clock).toString();
    var event =
        new EventBuilder()
            .withNewMetadata()
            .withName(
                object.getMetadata().getName() + "." + UUID.randomUUID().toString().substring(0, 8))
            .withNamespace(namespace == null ? "default" : namespace)
            .endMetadata()
            .withNewInvolvedObject()
            .withApiVersion(object.getApiVersion())
            .withKind(object.getKind())
            .withName(object.getMetadata().getName())
            .withNamespace(namespace)
            .withUid(uid)
            .withResourceVersion(object.getMetadata().getResourceVersion())
            .endInvolvedObject()
            .withType(type)
            .withReason(reason)
            .withMessage(message.length() > 1000 ? message.substring(0, 1000) + "…" : message)
            .withFirstTimestamp(now)
            .withLastTimestamp(now)
            .withCount(1)
            .withNewSource()
            .withComponent(COMPONENT)
            .withHost(host)
            .endSource()
            .withReportingComponent(COMPONENT)
            .withReportingInstance(host)
            .build();
    try {
      writes.acquire();
      wds.v1().events().inNamespace(event.getMetadata().getNamespace()).resource(event).create();
    } catch (KubernetesClientException e) {
      LOG.atDebug()
          .setMessage("cannot record event")
          .addKeyValue("reason", reason)
          .addKeyValue("error", e.getMessage())
          .log();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // stopping: the event is not worth delaying shutdown
    }
  }
}
