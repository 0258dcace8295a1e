/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.transport.model.template;

import io.kubestellar.transport.model.Wrapee;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The per-destination view of a Binding's objects after template expansion (§4.5).
 *
 * @param shared the objects as they are when no object needed customization
 * @param perDestination objects per destination (in Binding order) when some object was customized;
 *     empty otherwise
 * @param errors template errors; per object only those of the first destination that had any
 * @param sensitiveDestinations destinations whose properties the result depends on (all of them if
 *     anything was customized, else none)
 */
public record Customization(
    List<Wrapee> shared,
    Map<String, List<Wrapee>> perDestination,
    List<String> errors,
    Set<String> sensitiveDestinations) {

  public Customization {
    shared = List.copyOf(shared);
    var copy = new LinkedHashMap<String, List<Wrapee>>();
    perDestination.forEach((dest, objects) -> copy.put(dest, List.copyOf(objects)));
    perDestination = Collections.unmodifiableMap(copy);
    errors = List.copyOf(errors);
    sensitiveDestinations = Collections.unmodifiableSet(new LinkedHashSet<>(sensitiveDestinations));
  }

  /** Whether at least one object was customized, so destinations get different lists. */
  public boolean customized() {
    return !perDestination.isEmpty();
  }

  /** Whether template expansion failed somewhere; then D5 keeps what was delivered before. */
  public boolean failed() {
    return !errors.isEmpty();
  }

  /** The objects to deliver to {@code destination}. */
  public List<Wrapee> objectsFor(String destination) {
    return customized() ? perDestination.getOrDefault(destination, List.of()) : shared;
  }
}
