/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.model.binding;

import java.time.Instant;

/**
 * A status condition in pure form.
 *
 * @param type e.g. Synced
 * @param status True, False or Unknown
 * @param reason CamelCase reason
 * @param message for people
 * @param lastTransitionTime when the status last changed; null in a desired condition
 * @param observedGeneration the generation the condition was computed from
 */
public record ConditionState(
    String type,
    String status,
    String reason,
    String message,
    Instant lastTransitionTime,
    Long observedGeneration) {

  public static final String TRUE = "True";
  public static final String FALSE = "False";
  public static final String UNKNOWN = "Unknown";

  /** Whether status, reason, message and observedGeneration equal the other's (time aside). */
  public boolean sameAs(ConditionState other) {
    return other != null
        && type.equals(other.type)
        && status.equals(other.status)
        && java.util.Objects.equals(reason, other.reason)
        && java.util.Objects.equals(message, other.message)
        && java.util.Objects.equals(observedGeneration, other.observedGeneration);
  }

  ConditionState at(Instant time) {
    return new ConditionState(type, status, reason, message, time, observedGeneration);
  }
}
