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

  /** The reasons of a {@code Ready} condition that no {@link Problem} gives. */
  enum Reason {
    /** Every ManifestWork is written and none is reported as not applied. */
    DELIVERED("Delivered"),
    /** The work agent reports a ManifestWork as not applied. */
    NOT_APPLIED("NotApplied"),
    /** A WEC copy differs from what was delivered and is being repaired (D16). */
    DRIFTED("Drifted"),
    /** A WEC copy keeps differing after repairs: another writer in the WEC sets it (D16). */
    APPLY_CONFLICT("ApplyConflict");

    private final String text;

    Reason(String text) {
      this.text = text;
    }

    /** The CamelCase reason as written in the condition. */
    String text() {
      return text;
    }
  }

  /** Prefix of the transport's drift entries in {@code status.errors}. */
  public static final String DRIFT_PREFIX = "drift: ";

  /** At most this many of the transport's errors are listed; the rest are counted. */
  public static final int MAX_ERRORS = 20;

  private BindingReadiness() {}

  /**
   * @param problems what kept the Binding from being delivered, in discovery order
   * @param notApplied one text per ManifestWork the work agent reports as not applied
   * @param works how many ManifestWorks the Binding has in the ITS when all is well
   * @param destinations how many destinations the Binding has
   * @param drift the WEC copies that differ from what was delivered, in a stable order
   */
  public static ReadyState ready(
      List<Problem> problems,
      List<String> notApplied,
      int works,
      int destinations,
      List<DriftReport> drift) {
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
          Reason.NOT_APPLIED.text(),
          notApplied.get(0) + (more == 0 ? "" : " (and " + more + " more ManifestWorks)"));
    }
    if (!drift.isEmpty()) {
      var conflict = drift.stream().filter(DriftReport::conflict).findFirst();
      var first = conflict.orElse(drift.get(0));
      var more = drift.size() - 1;
      return new ReadyState(
          "False",
          (conflict.isPresent() ? Reason.APPLY_CONFLICT : Reason.DRIFTED).text(),
          first.text()
              + (more == 0 ? "" : " (and " + more + " more in status.errors)")
              + (conflict.isPresent()
                  ? "; the WDS value is re-applied with backoff; stop the other writer or leave the"
                      + " field out of the WDS object"
                  : "; being re-applied from the WDS"));
    }
    return new ReadyState(
        "True",
        Reason.DELIVERED.text(),
        works
            + " ManifestWork(s) for "
            + destinations
            + " destination(s) written; none reported as not applied");
  }

  /**
   * The transport's error entries for {@code problems}, then one per drifted WEC copy, bounded by
   * {@link #MAX_ERRORS}.
   */
  public static List<String> errors(List<Problem> problems, List<DriftReport> drift) {
    var texts = new ArrayList<String>();
    problems.forEach(p -> texts.add(p.errorText()));
    drift.forEach(d -> texts.add(DRIFT_PREFIX + d.text()));
    var errors = new ArrayList<String>();
    for (var text : texts) {
      if (errors.size() == MAX_ERRORS) {
        errors.add("transport: " + (texts.size() - MAX_ERRORS) + " more problems not listed here");
        break;
      }
      errors.add(text);
    }
    return errors;
  }

  /** Whether an entry of {@code status.errors} was written by the transport. */
  public static boolean isTransportError(String error) {
    if (error.startsWith("transport: ") || error.startsWith(DRIFT_PREFIX)) {
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
