/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.plugin.model;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything {@code where} needs, read from the WDS (Bindings) and the ITS (ManifestWorks,
 * WorkStatuses) of one WDS; nothing is read from the WECs.
 *
 * @param bindings the Bindings
 * @param manifests what the ManifestWorks say, per cell
 * @param reports what the WorkStatuses say, per cell
 */
public record DeliveryFacts(
    List<BindingFacts> bindings,
    Map<CellKey, ManifestFacts> manifests,
    Map<CellKey, ReportFacts> reports) {

  public DeliveryFacts {
    bindings = List.copyOf(bindings);
    // HashMap, not Map.copyOf: the immutable map probes linearly, and the hash codes of cells
    // that differ only in the last characters of a name lie next to each other.
    manifests = Collections.unmodifiableMap(new HashMap<>(manifests));
    reports = Collections.unmodifiableMap(new HashMap<>(reports));
  }
}
