/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.plugin.model;

import io.kubestellar.controller.model.binding.ObjectRef;
import java.util.Set;

/**
 * Which rows and cells to show; null fields do not filter.
 *
 * @param policy only objects bound by this policy, and only through it
 * @param namespace only objects of this namespace, and the Namespace object itself
 * @param object only this object
 * @param states only rows with at least one cell in one of these states
 */
public record MatrixFilter(
    String policy, String namespace, ObjectRef object, Set<CellState> states) {

  /** Everything. */
  public static final MatrixFilter ALL = new MatrixFilter(null, null, null, null);

  boolean admits(ObjectRef ref) {
    return (namespace == null || namespace.equals(ref.namespace()) || isNamespace(ref, namespace))
        && (object == null || object.equals(ref));
  }

  private static boolean isNamespace(ObjectRef ref, String name) {
    return ref.group().isEmpty() && ref.resource().equals("namespaces") && ref.name().equals(name);
  }

  boolean admits(MatrixRow row) {
    return states == null
        || states.isEmpty()
        || row.cells().values().stream().anyMatch(c -> states.contains(c.state()));
  }
}
