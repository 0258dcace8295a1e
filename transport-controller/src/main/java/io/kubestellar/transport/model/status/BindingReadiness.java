/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.transport.model.status;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Decides the transport's part of a Binding's status (D8, D15): the {@code Ready} condition and the
 * transport's entries in {@code status.errors}. The binding controller owns the other conditions
 * and writes no errors with the transport's prefixes, so each side replaces only its own.
 */
public final class BindingReadiness {

  /** Condition type the transport owns. */
  public static final String READY = "Ready";

  /** Reason when every ManifestWork is written and none is reported as not applied. */
  public static final String DELIVERED = "Delivered";

  /** Reason when the work agent reports a ManifestWork as not applied. */
  public static final String NOT_APPLIED = "NotApplied";

  /** At most this many of the transport's errors are listed; the rest are counted. */
  public static final int MAX_ERRORS = 20;

  private BindingReadiness() {}

  /**
   * @param problems what kept the Binding from being delivered, in discovery order
   * @param notApplied one text per ManifestWork the work agent reports as not applied
   * @param works how many ManifestWorks the Binding has in the ITS when all is well
   * @param destinations how many destinations the Binding has
   */
  public static ReadyState ready(
      List<Problem> problems, List<String> notApplied, int works, int destinations) {
    if (!problems.isEmpty()) {
      var first =
          problems.stream().min(Comparator.comparing(p -> p.kind().ordinal())).orElseThrow();
      var more = problems.size() - 1;
      return new ReadyState(
          "False",
          first.kind().reason(),
          first.errorText() + (more == 0 ? "" : " (and " + more + " more in status.errors)"));
    }
    if (!notApplied.isEmpty()) {
      var more = notApplied.size() - 1;
      return new ReadyState(
          "False",
          NOT_APPLIED,
          notApplied.get(0) + (more == 0 ? "" : " (and " + more + " more ManifestWorks)"));
    }
    return new ReadyState(
        "True",
        DELIVERED,
        works
            + " ManifestWork(s) for "
            + destinations
            + " destination(s) written; none reported as not applied");
  }

  /** The transport's error entries for {@code problems}, bounded by {@link #MAX_ERRORS}. */
  public static List<String> errors(List<Problem> problems) {
    var errors = new ArrayList<String>();
    for (var problem : problems) {
      if (errors.size() == MAX_ERRORS) {
        errors.add(
            "transport: " + (problems.size() - MAX_ERRORS) + " more problems not listed here");
        break;
      }
      errors.add(problem.errorText());
    }
    return errors;
  }

  /** Whether an entry of {@code status.errors} was written by the transport. */
  public static boolean isTransportError(String error) {
    if (error.startsWith("transport: ")) {
      return true;
    }
    for (var kind : Problem.Kind.values()) {
      if (error.startsWith(kind.prefix())) {
        return true;
      }
    }
    return false;
  }

  /** {@code current} with the transport's entries replaced by {@code ours}; others' stay first. */
  public static List<String> mergeErrors(List<String> current, List<String> ours) {
    var merged = new ArrayList<String>();
    if (current != null) {
      current.stream().filter(e -> !isTransportError(e)).forEach(merged::add);
    }
    merged.addAll(ours);
    return merged;
  }
}
