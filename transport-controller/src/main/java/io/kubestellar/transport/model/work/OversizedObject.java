/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.transport.model.work;

import io.kubestellar.transport.model.ObjectRef;

/**
 * A workload object whose JSON alone exceeds the byte limit of a ManifestWork, so it can never be
 * delivered with the current limits.
 *
 * @param object the object
 * @param bytes its compact JSON size
 * @param maxBytes the limit
 */
public record OversizedObject(ObjectRef object, long bytes, long maxBytes) {

  /** A sentence for logs and status. */
  public String message() {
    return "object "
        + object
        + " is "
        + bytes
        + " bytes of JSON, larger than the "
        + maxBytes
        + "-byte limit of a ManifestWork (--max-size-wrapped)";
  }
}
