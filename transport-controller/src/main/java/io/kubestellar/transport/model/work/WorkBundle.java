/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.transport.model.work;

import java.util.List;

/**
 * The ManifestWorks rendered for one Binding and one destination, or why they could not be.
 *
 * @param works the works in shard order; empty when {@code oversized} is not
 * @param oversized objects too large for any ManifestWork; when present nothing is rendered, so
 *     that a reconciler never delivers the Binding with an object silently missing
 */
public record WorkBundle(List<RenderedWork> works, List<OversizedObject> oversized) {

  public WorkBundle {
    works = List.copyOf(works);
    oversized = List.copyOf(oversized);
    if (!works.isEmpty() && !oversized.isEmpty()) {
      throw new IllegalArgumentException("a bundle with oversized objects holds no works");
    }
  }

  /** Whether every object could be placed. */
  public boolean complete() {
    return oversized.isEmpty();
  }
}
