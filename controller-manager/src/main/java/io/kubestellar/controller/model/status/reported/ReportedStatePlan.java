/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.model.status.reported;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Set;

/**
 * What a reconciler does to one WDS workload object's {@code .status} and marker labels.
 *
 * <p>Order matters for restart safety: apply {@link #labelsToSet()} before writing the status, and
 * {@link #labelsToRemove()} only after the status write succeeded. The marker label is the durable
 * record that KubeStellar may have written the status, which is how a restarted controller finds
 * objects to clean up.
 *
 * @param action whether to write, clear or leave the status
 * @param mode how the written status was obtained; {@code null} unless {@code action} is {@link
 *     Action#WRITE}
 * @param status the status to write ({@code {}} for {@link Action#CLEAR}), {@code null} for {@link
 *     Action#NONE}
 * @param labelsToSet labels to add or change, before the status write
 * @param labelsToRemove label keys to delete, after the status write
 */
public record ReportedStatePlan(
    Action action,
    Mode mode,
    ObjectNode status,
    Map<String, String> labelsToSet,
    Set<String> labelsToRemove) {

  public ReportedStatePlan {
    labelsToSet = Map.copyOf(labelsToSet);
    labelsToRemove = Set.copyOf(labelsToRemove);
  }

  /** What happens to {@code .status}. */
  public enum Action {
    /** Put {@link #status()} into the object (skip if semantically equal). */
    WRITE,
    /** Replace a status KubeStellar wrote with {@code {}}. */
    CLEAR,
    /** Leave {@code .status} as it is. */
    NONE
  }

  /** Where a written status came from. */
  public enum Mode {
    /** One WEC's status verbatim. */
    SINGLETON,
    /** The D10 aggregate of several WECs' statuses. */
    MULTI_WEC
  }

  /** Whether the plan changes nothing at all. */
  public boolean isNoOp() {
    return action == Action.NONE && labelsToSet.isEmpty() && labelsToRemove.isEmpty();
  }
}
