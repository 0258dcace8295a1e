/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.runtime;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Registers a component's meters with a description each and at most one fixed tag: no per-object
 * tags, so cardinality stays fixed (D7).
 */
public final class Meters {

  private final MeterRegistry registry;

  public Meters(MeterRegistry registry) {
    this.registry = registry;
  }

  /** A counter without tags. */
  public Counter counter(String name, String description) {
    return Counter.builder(name).description(description).register(registry);
  }

  /** One counter of a family told apart by one tag (e.g. the kind of write). */
  public Counter counter(String name, String description, String tag, String value) {
    return Counter.builder(name).description(description).tag(tag, value).register(registry);
  }

  /** A timer, with histogram buckets at {@code objectives} if any are given. */
  public Timer timer(String name, String description, Duration... objectives) {
    var timer = Timer.builder(name).description(description);
    if (objectives.length > 0) {
      timer.serviceLevelObjectives(objectives);
    }
    return timer.register(registry);
  }

  /** A gauge read on scrape. */
  public void gauge(String name, String description, Supplier<Number> value) {
    Gauge.builder(name, value).description(description).register(registry);
  }
}
