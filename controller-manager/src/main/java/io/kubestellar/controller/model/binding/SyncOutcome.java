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
}
