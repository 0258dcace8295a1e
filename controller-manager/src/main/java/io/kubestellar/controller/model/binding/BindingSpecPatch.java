/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.model.binding;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Plans the incremental write of a Binding spec: a JSON Patch from the spec as last read to the
 * desired one, so that one object change costs a write proportional to the change rather than to
 * the Binding (D7). The workload lists and the destinations are list-maps with the keys of the
 * Binding CRD. The patch starts with a {@code test} of {@code metadata.generation}: the API server
 * moves the generation of a Binding with every change of its spec (and only then; status and
 * metadata writes leave it), so a patch computed from a copy whose spec is stale is refused as a
 * whole (422) instead of editing entries that have moved.
 */
public final class BindingSpecPatch {

  /** The Binding CRD's list-map keys, by schema path. */
  static final Map<String, List<String>> LIST_MAP_KEYS =
      Map.of(
          "/spec/destinations", List.of("clusterId"),
          "/spec/workload/clusterScope", List.of("group", "resource", "name"),
          "/spec/workload/namespaceScope", List.of("group", "resource", "namespace", "name"));

  private static final JsonTreeDiff DIFF = new JsonTreeDiff(LIST_MAP_KEYS);

  private BindingSpecPatch() {}

  /**
   * The operations turning the spec {@code before} (as read at {@code generation}) into {@code
   * after}, the first of them the test of the generation; empty when the patch would not be smaller
   * than the whole spec (then a full write is the better request).
   *
   * @param generation the Binding's metadata.generation when {@code before} was read
   * @param before the spec as read, as a JSON tree; null when the Binding has none
   * @param after the desired spec as a JSON tree
   */
  public static Optional<List<PatchOperation>> plan(
      long generation, Map<String, Object> before, Map<String, Object> after) {
    var ops = new ArrayList<PatchOperation>();
    ops.add(PatchOperation.test("/metadata/generation", generation));
    ops.addAll(DIFF.diff(document(before), document(after)));
    long patchLength = JsonLength.of(ops.stream().map(PatchOperation::wire).toList());
    return patchLength < JsonLength.of(after) ? Optional.of(ops) : Optional.empty();
  }

  private static Map<String, Object> document(Map<String, Object> spec) {
    var document = new HashMap<String, Object>();
    if (spec != null) {
      document.put("spec", spec);
    }
    return document;
  }
}
