/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.model.status.reported;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * What one WEC returned for a workload object: the {@code .status} held by its WorkStatus.
 *
 * @param clusterId the WEC (the WorkStatus namespace)
 * @param status the returned {@code .status}, or {@code null} while the WorkStatus has none
 */
public record WecStatus(String clusterId, ObjectNode status) {
  public WecStatus {
    Objects.requireNonNull(clusterId, "clusterId");
  }
}
