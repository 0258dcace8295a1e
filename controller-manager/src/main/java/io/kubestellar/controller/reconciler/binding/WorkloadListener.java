/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.reconciler.binding;

import io.kubestellar.controller.model.binding.WorkloadObject;
import io.kubestellar.model.GroupResource;
import java.util.Map;

/** Receives changes of the WDS workload objects and of the set of watched types. */
interface WorkloadListener {

  /**
   * An object was added (before is null), changed, or deleted (after is null).
   *
   * @param annotations the annotations of the current (or last) state of the object
   */
  void objectChanged(
      GroupResource type,
      WorkloadObject before,
      WorkloadObject after,
      Map<String, String> annotations,
      String uid,
      String kind);

  /** A type started or stopped being watched, or is now read at another version. */
  void typeChanged(GroupResource type);
}
