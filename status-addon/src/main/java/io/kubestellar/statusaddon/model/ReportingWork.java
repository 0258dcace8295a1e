/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.statusaddon.model;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Chooses the one AppliedManifestWork an object reports through, so that an object delivered by
 * several ManifestWorks still has exactly one WorkStatus per WEC (the status controller treats two
 * as ambiguous).
 */
public final class ReportingWork {

  private ReportingWork() {}

  /**
   * Upstream's rule first: the first AppliedManifestWork owner reference of the object that names a
   * known AppliedManifestWork. Objects without one (delivered with an orphaning delete option) fall
   * back to the AppliedManifestWorks listing the object in {@code status.appliedResources}, the
   * first by name.
   *
   * @param ownerNames AppliedManifestWork owner references of the object, in order
   * @param known whether an AppliedManifestWork of that name exists
   * @param listing names of the AppliedManifestWorks that list the object
   */
  public static Optional<String> choose(
      List<String> ownerNames, Predicate<String> known, Collection<String> listing) {
    for (var name : ownerNames) {
      if (known.test(name)) {
        return Optional.of(name);
      }
    }
    var sorted = new TreeSet<>(listing);
    return sorted.isEmpty() ? Optional.empty() : Optional.of(sorted.first());
  }
}
