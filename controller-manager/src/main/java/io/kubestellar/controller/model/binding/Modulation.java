/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.model.binding;

import java.util.Collection;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * How a bound object is to be handled: the modulation fields of a downsync clause, or their
 * combination over every clause of one policy that matches the object.
 *
 * @param createOnly create in each destination but never update afterwards
 * @param statusCollectors names of StatusCollectors, sorted
 * @param wantSingletonReportedState return the status from the single destination
 * @param wantMultiWecReportedState return a combination of several destinations' statuses
 */
public record Modulation(
    boolean createOnly,
    SortedSet<String> statusCollectors,
    boolean wantSingletonReportedState,
    boolean wantMultiWecReportedState) {

  /** Nothing requested. */
  public static final Modulation NONE = new Modulation(false, new TreeSet<>(), false, false);

  public Modulation {
    statusCollectors =
        Collections.unmodifiableSortedSet(
            statusCollectors == null ? new TreeSet<>() : new TreeSet<>(statusCollectors));
  }

  /** A modulation from nullable clause fields. */
  public static Modulation of(
      Boolean createOnly,
      Collection<String> statusCollectors,
      Boolean wantSingleton,
      Boolean wantMultiWec) {
    return new Modulation(
        Boolean.TRUE.equals(createOnly),
        statusCollectors == null ? null : names(statusCollectors),
        Boolean.TRUE.equals(wantSingleton),
        Boolean.TRUE.equals(wantMultiWec));
  }

  private static TreeSet<String> names(Collection<String> statusCollectors) {
    var names = new TreeSet<String>();
    statusCollectors.stream().filter(Objects::nonNull).forEach(names::add);
    return names;
  }

  /** The combination of two matching clauses: flags OR-ed, collectors united (spec §3.6). */
  public Modulation combine(Modulation other) {
    var collectors = new TreeSet<>(statusCollectors);
    collectors.addAll(other.statusCollectors);
    return new Modulation(
        createOnly || other.createOnly,
        collectors,
        wantSingletonReportedState || other.wantSingletonReportedState,
        wantMultiWecReportedState || other.wantMultiWecReportedState);
  }
}
