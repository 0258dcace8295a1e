/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.statusaddon.reconciler;

/**
 * The agent's caches: what the work agent applied and the applied objects (WEC), the ManifestWorks
 * and WorkStatuses of the WEC's namespace (ITS). Built once in {@code Main}; the agent starts and
 * closes them, the reconciler reads them.
 */
public record AgentCaches(
    AppliedWorks appliedWorks,
    ManifestWorks manifestWorks,
    WorkStatuses workStatuses,
    WatchedResources resources) {

  /** Closes every cache, the applied objects' informers first. */
  void close() {
    resources.close();
    appliedWorks.close();
    manifestWorks.close();
    workStatuses.close();
  }
}
