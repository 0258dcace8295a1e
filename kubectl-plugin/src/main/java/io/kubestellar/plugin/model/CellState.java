/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.plugin.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * How far one object got on its way to one cluster, as {@code where} and the console show it. Worse
 * problems win: a drifted or failed copy is shown as such even if it was applied.
 */
public enum CellState {
  /** Listed in the Binding, but no ManifestWork carries it yet. */
  PENDING,
  /** A ManifestWork in the cluster's ITS namespace carries it; the agent has not reported yet. */
  DELIVERED,
  /** The work agent applied it to the WEC. */
  APPLIED,
  /** Applied, present in the WEC, and not reported unavailable there. */
  AVAILABLE,
  /** The WEC copy differs from what was delivered (reported by the status add-on, D16). */
  DRIFTED,
  /** The agent could not apply it, or the transport could not deliver it. */
  FAILED;

  /** The lower-case word used in tables, JSON and the console. */
  @JsonValue
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The state named by {@code word}, case-insensitively. */
  public static CellState parse(String word) {
    return valueOf(word.trim().toUpperCase(Locale.ROOT));
  }

  /**
   * The state of one cell from what the ITS says about it.
   *
   * @param manifest what the ManifestWork carrying the object says, or null if none carries it
   * @param report what the status add-on reports, or null
   * @param transportError an error of the Binding naming this object and cluster, or null
   */
  public static CellState of(ManifestFacts manifest, ReportFacts report, String transportError) {
    if (transportError != null) {
      return FAILED;
    }
    if (manifest == null) {
      return PENDING;
    }
    if (Boolean.FALSE.equals(manifest.applied())) {
      return FAILED;
    }
    if (report != null && report.drift() != null) {
      return DRIFTED;
    }
    if (!Boolean.TRUE.equals(manifest.applied())) {
      return DELIVERED;
    }
    boolean reportedUnavailable = report != null && Boolean.FALSE.equals(report.available());
    return Boolean.TRUE.equals(manifest.available()) && !reportedUnavailable ? AVAILABLE : APPLIED;
  }
}
