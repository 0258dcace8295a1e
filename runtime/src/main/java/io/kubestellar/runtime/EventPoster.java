/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.runtime;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts the core/v1 Events one component writes about objects of a space (D15): each a single
 * occurrence (count 1), named after the object with a server-chosen suffix, in the object's
 * namespace ({@code default} for cluster-scoped objects).
 */
public final class EventPoster {

  private static final Logger LOG = LoggerFactory.getLogger(EventPoster.class);

  private final KubernetesClient client;
  private final String component;
  private final String instance;
  private final Clock clock;

  /**
   * @param component the reporting component (also the Event's source)
   * @param instance the reporting instance (this replica), or null to leave it out
   */
  public EventPoster(KubernetesClient client, String component, String instance, Clock clock) {
    this.client = client;
    this.component = component;
    this.instance = instance;
    this.clock = clock;
  }

  /**
   * Posts an Event about {@code about}.
   *
   * @param type {@code Normal} or {@code Warning}
   * @throws KubernetesClientException when the space refuses it
   */
  public void post(ObjectReference about, String type, String reason, String message) {
    var event = event(about, type, reason, message);
    client.v1().events().inNamespace(event.getMetadata().getNamespace()).resource(event).create();
  }

  /** Posts as {@link #post} does, but a refusal is only logged (DEBUG): Events are best effort. */
  public boolean tryPost(ObjectReference about, String type, String reason, String message) {
    try {
      post(about, type, reason, message);
      return true;
    } catch (KubernetesClientException e) {
      LOG.atDebug()
          .setMessage("cannot record Event")
          .addKeyValue("component", component)
          .addKeyValue("type", type)
          .addKeyValue("reason", reason)
          .addKeyValue("error", e.getMessage())
          .log();
      return false;
    }
  }

  Event event(ObjectReference about, String type, String reason, String message) {
    var namespace = about.getNamespace() == null ? "default" : about.getNamespace();
    var now = clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
    return new EventBuilder()
        .withNewMetadata()
        .withGenerateName(about.getName() + ".")
        .withNamespace(namespace)
        .endMetadata()
        .withInvolvedObject(about)
        .withType(type)
        .withReason(reason)
        .withMessage(message)
        .withFirstTimestamp(now)
        .withLastTimestamp(now)
        .withCount(1)
        .withNewSource()
        .withComponent(component)
        .withHost(instance)
        .endSource()
        .withReportingComponent(component)
        .withReportingInstance(instance)
        .build();
  }
}
