/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.transport.model.work;

/**
 * How the OCM work agent is told to update the objects of a ManifestWork in the WEC (D16). Objects
 * bound with {@code createOnly} get OCM's {@code CreateOnly} under either.
 */
public enum UpdateStrategy {
  /**
   * Server-side apply with this project's field manager, forced: the WEC copy is exactly the
   * delivered object for every field we deliver, so removals reach the WEC. The default.
   */
  SERVER_SIDE_APPLY,

  /**
   * OCM's default {@code Update}, as upstream KubeStellar writes it: no {@code manifestConfigs}
   * apart from {@code CreateOnly}. Labels and annotations removed in the WDS stay in the WEC.
   */
  UPDATE
}
