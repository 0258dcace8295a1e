/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.model.status;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Decides when a WorkStatus that reports on an object from a WEC no Binding sends that object to is
 * to be reported as unexpected. Such a report is never used (status return reads only the
 * destinations of the Bindings); this class only says when to tell the user about it.
 *
 * <p>A report goes out once per WorkStatus, after the mismatch has lasted {@code grace}: while an
 * object is being removed from a WEC its WorkStatus outlives the Binding change by the time the
 * work agent and the status add-on take, and that is not worth a warning. A WorkStatus that becomes
 * expected again is forgotten, so a later mismatch is reported anew. Not thread-safe.
 */
public final class UnexpectedReports {

  /** What to do about one WorkStatus now. */
  public enum Verdict {
    /** Expected, already reported, or still within the grace period. */
    NOTHING,
    /** Unexpected for at least the grace period and not reported yet: report it now. */
    REPORT
  }

  private final Duration grace;

  /** WorkStatus id → when it was first seen unexpected. */
  private final Map<String, Instant> unexpectedSince = new HashMap<>();

  private final Set<String> reported = new HashSet<>();

  public UnexpectedReports(Duration grace) {
    this.grace = Objects.requireNonNull(grace, "grace");
    if (grace.isNegative()) {
      throw new IllegalArgumentException("grace must not be negative, got " + grace);
    }
  }

  /**
   * Looks at one WorkStatus.
   *
   * @param id the WorkStatus's identity ({@code namespace/name/uid}, so a recreated one is new)
   * @param wec the WEC it reports from
   * @param destinations every WEC some Binding sends its object to
   * @param now the current time
   */
  public Verdict observe(String id, String wec, Set<String> destinations, Instant now) {
    if (destinations.contains(wec)) {
      forget(id);
      return Verdict.NOTHING;
    }
    var since = unexpectedSince.computeIfAbsent(id, k -> now);
    if (reported.contains(id) || Duration.between(since, now).compareTo(grace) < 0) {
      return Verdict.NOTHING;
    }
    reported.add(id);
    return Verdict.REPORT;
  }

  /** Forgets a WorkStatus (deleted, or expected again). */
  public void forget(String id) {
    unexpectedSince.remove(id);
    reported.remove(id);
  }

  /** Keeps only the WorkStatuses still present, so deleted ones do not pile up. */
  public void retainOnly(Set<String> present) {
    unexpectedSince.keySet().retainAll(present);
    reported.retainAll(present);
  }

  /** How many WorkStatuses are unexpected now (reported or not). */
  public int unexpected() {
    return unexpectedSince.size();
  }
}
