/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.model.status;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One destination WEC of a (workload object, BindingPolicy) pair, with what it has reported.
 *
 * @param clusterId the WEC's inventory name (ManagedCluster name, mailbox namespace)
 * @param inventory extra string data about the WEC exposed as {@code inventory}; the key {@code
 *     name} is always the cluster id
 * @param returnedStatus the {@code .status} its WorkStatus holds, or {@code null} if there is no
 *     WorkStatus or it has no status yet
 * @param lastReturnedUpdateTime when the WorkStatus status was last written, or {@code null} if
 *     unknown; exposed as {@code propagation.lastReturnedUpdateTimestamp}
 */
public record Destination(
    String clusterId,
    Map<String, String> inventory,
    JsonNode returnedStatus,
    Instant lastReturnedUpdateTime) {

  /**
   * Q7: the timestamp seen when nothing is known, Go's zero time, for both a missing WorkStatus and
   * one never written.
   */
  public static final Instant UNKNOWN_UPDATE_TIME = Instant.parse("0001-01-01T00:00:00Z");

  public Destination {
    Objects.requireNonNull(clusterId, "clusterId");
    var merged = new LinkedHashMap<String, String>();
    if (inventory != null) {
      merged.putAll(inventory);
    }
    merged.put("name", clusterId);
    inventory = Map.copyOf(merged);
  }

  /** A destination with no inventory data beyond its name. */
  public static Destination of(String clusterId, JsonNode returnedStatus, Instant lastUpdate) {
    return new Destination(clusterId, null, returnedStatus, lastUpdate);
  }

  /** A destination that has not reported anything yet. */
  public static Destination notReported(String clusterId) {
    return new Destination(clusterId, null, null, null);
  }
}
