/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.transport.model.work;

import java.util.List;

/**
 * The ManifestWorks rendered for one Binding and one destination, or why they could not be.
 *
 * @param works the works in shard order, for the objects that fit
 * @param oversized objects too large for any ManifestWork, left out of {@code works}; a reconciler
 *     reports them and deletes nothing for this destination, so an object is never silently dropped
 *     from a WEC
 */
public record WorkBundle(List<RenderedWork> works, List<OversizedObject> oversized) {

  public WorkBundle {
    works = List.copyOf(works);
    oversized = List.copyOf(oversized);
  }

  /** Whether every object could be placed. */
  public boolean complete() {
    return oversized.isEmpty();
  }
}
