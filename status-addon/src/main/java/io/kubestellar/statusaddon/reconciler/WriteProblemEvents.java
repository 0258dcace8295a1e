/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.statusaddon.reconciler;

import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kubestellar.runtime.EventPoster;
import io.kubestellar.statusaddon.model.DesiredWorkStatus;
import io.kubestellar.statusaddon.model.ObjectKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reports a WorkStatus that cannot be written as a Warning Event on its ManifestWork in the ITS
 * (D15: {@code kubectl describe manifestwork} shows why status does not come back). At most one
 * Event per WorkStatus per interval, so a retry loop does not flood the namespace.
 */
public final class WriteProblemEvents {

  /** The Event reason. */
  public static final String REASON = "WorkStatusWriteFailed";

  private static final int MAX_MESSAGE = 1000;

  private final EventPoster events;
  private final String clusterNamespace;
  private final Clock clock;
  private final Duration interval;
  private final Map<String, Instant> lastReported = new ConcurrentHashMap<>();

  public WriteProblemEvents(
      KubernetesClient its, String clusterNamespace, Clock clock, Duration interval) {
    this.events = new EventPoster(its, "kubestellar-status-addon", null, clock);
    this.clusterNamespace = clusterNamespace;
    this.clock = clock;
    this.interval = interval;
  }

  /** Records that writing {@code desired} failed. Never throws. */
  void report(DesiredWorkStatus desired, ObjectKey object, KubernetesClientException error) {
    var now = clock.instant();
    var previous = lastReported.get(desired.name());
    if (previous != null && previous.plus(interval).isAfter(now)) {
      return;
    }
    lastReported.put(desired.name(), now);
    var message =
        "cannot write WorkStatus "
            + desired.name()
            + " for "
            + object
            + ": "
            + (error.getStatus() != null && error.getStatus().getMessage() != null
                ? error.getStatus().getMessage()
                : error.getMessage());
    if (message.length() > MAX_MESSAGE) {
      message = message.substring(0, MAX_MESSAGE);
    }
    var owner = desired.owner();
    events.tryPost(
        new ObjectReferenceBuilder()
            .withApiVersion(owner.apiVersion())
            .withKind(owner.kind())
            .withName(owner.name())
            .withNamespace(clusterNamespace)
            .withUid(owner.uid())
            .build(),
        "Warning",
        REASON,
        message);
  }

  /** Forgets a WorkStatus written successfully, so its next failure is reported at once. */
  void resolved(String workStatusName) {
    lastReported.remove(workStatusName);
  }
}
