/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.model.binding;

/**
 * Whether the Binding now equals the policy's resolution, and if not why.
 *
 * @param synced whether it does
 * @param reason CamelCase reason for the Synced condition
 * @param message for people
 */
public record SyncOutcome(boolean synced, String reason, String message) {

  /** The Binding equals the current resolution. */
  public static final SyncOutcome SYNCED =
      new SyncOutcome(
          true,
          "Resolved",
          "The Binding lists exactly the objects and clusters the policy selects");

  /** A cluster selector cannot be used, so the policy cannot be resolved. */
  public static SyncOutcome invalidClusterSelector(String problem) {
    return new SyncOutcome(false, "InvalidClusterSelector", problem);
  }

  /** Writing the Binding failed. */
  public static SyncOutcome writeFailed(String problem) {
    return new SyncOutcome(false, "BindingWriteFailed", problem);
  }

  /** Reason of a Binding that would exceed etcd's object size limit. */
  public static final String BINDING_TOO_LARGE = "BindingTooLarge";

  /** The Binding would exceed etcd's object size limit, so it is not written. */
  public static SyncOutcome bindingTooLarge(String problem) {
    return new SyncOutcome(false, BINDING_TOO_LARGE, problem);
  }
}
