/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.transport.model.customtransform;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubestellar.model.GroupResource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The digest of every CustomTransform naming one group and resource: the removals to apply to
 * objects of that group and resource, and the status to write into each of those CustomTransforms.
 *
 * @param groupResource the group and resource digested
 * @param removals valid remove paths of all matching CustomTransforms, by CustomTransform name and
 *     then in {@code spec.remove} order
 * @param statuses status per CustomTransform name, in name order
 */
public record CustomTransformRules(
    GroupResource groupResource,
    List<RemovePath> removals,
    Map<String, CustomTransformStatus> statuses) {

  public CustomTransformRules {
    removals = List.copyOf(removals);
    statuses = Collections.unmodifiableMap(new LinkedHashMap<>(statuses));
  }

  /** No CustomTransform for this group and resource. */
  public static CustomTransformRules none(GroupResource groupResource) {
    return new CustomTransformRules(groupResource, List.of(), Map.of());
  }

  /**
   * Digests the CustomTransforms among {@code customTransforms} whose {@code spec.apiGroup} and
   * {@code spec.resource} equal {@code groupResource}; others are ignored, so a caller may pass all
   * it knows.
   */
  public static CustomTransformRules digest(
      GroupResource groupResource, Collection<CustomTransformInput> customTransforms) {
    var matching =
        customTransforms.stream()
            .filter(ct -> ct.groupResource().equals(groupResource))
            .sorted(Comparator.comparing(CustomTransformInput::name))
            .toList();
    var warnings = new ArrayList<String>();
    if (matching.size() > 1) {
      // Upstream prints its name set with Go's %v of a set: map[a:{} b:{}], sorted.
      var names =
          matching.stream()
              .map(ct -> ct.name() + ":{}")
              .distinct()
              .collect(Collectors.joining(" ", "map[", "]"));
      warnings.add(
          "multiple CustomTransform objects specify the same GroupResource; their names are "
              + names);
    }
    var removals = new ArrayList<RemovePath>();
    var statuses = new LinkedHashMap<String, CustomTransformStatus>();
    for (var ct : matching) {
      var errors = new ArrayList<String>();
      for (int i = 0; i < ct.remove().size(); i++) {
        try {
          var keys = RemovePathParser.parse(ct.remove().get(i));
          if (keys.isEmpty()) {
            errors.add("Invalid spec.remove[" + i + "]: it identifies the whole object");
          } else {
            removals.add(new RemovePath(keys));
          }
        } catch (PathSyntaxException e) {
          errors.add("Error in spec.remove[" + i + "]: " + e.getMessage());
        }
      }
      statuses.put(ct.name(), new CustomTransformStatus(ct.generation(), errors, warnings));
    }
    return new CustomTransformRules(groupResource, removals, statuses);
  }

  /** Applies every removal to {@code object}, in place. */
  public ObjectNode applyTo(ObjectNode object) {
    removals.forEach(path -> path.removeFrom(object));
    return object;
  }
}
