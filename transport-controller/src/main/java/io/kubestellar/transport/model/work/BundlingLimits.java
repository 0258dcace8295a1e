/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.transport.model.work;

/**
 * How many workload objects, and how many bytes of their compact JSON, one ManifestWork may hold
 * ({@code --max-num-wrapped}, {@code --max-size-wrapped}).
 *
 * @param maxObjects most objects per ManifestWork; 1 gives one ManifestWork per object
 * @param maxBytes most summed JSON bytes per ManifestWork
 */
public record BundlingLimits(int maxObjects, long maxBytes) {

  /** Upstream binary defaults: 512000 objects and 512000 bytes. */
  public static final BundlingLimits DEFAULTS = new BundlingLimits(512_000, 512_000);

  /** Upstream chart defaults: one object per ManifestWork, 512000 bytes. */
  public static final BundlingLimits ONE_OBJECT_PER_WORK = new BundlingLimits(1, 512_000);

  public BundlingLimits {
    if (maxObjects < 1) {
      throw new IllegalArgumentException("maxObjects must be at least 1, got " + maxObjects);
    }
    if (maxBytes < 1) {
      throw new IllegalArgumentException("maxBytes must be at least 1, got " + maxBytes);
    }
  }
}
