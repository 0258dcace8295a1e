/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.model.binding;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Computes a JSON Patch (RFC 6902) that turns one JSON tree (maps, lists, scalars, as Jackson reads
 * them) into another, touching only what differs.
 *
 * <p>Maps are compared member by member. A list declared as a list-map (its elements are objects
 * identified by some key members, like {@code x-kubernetes-list-map-keys}) is compared element by
 * element: changed members of an element are replaced in place, removed elements are removed from
 * the highest index down, and new elements are then added in ascending order of their final index.
 * That is correct whenever the elements both lists share appear in the same relative order in both
 * (always so for lists kept sorted by key); otherwise, and for every other list, a differing list
 * is replaced as a whole. Every operation addresses the document as it is when the operation
 * applies, in the order given.
 */
public final class JsonTreeDiff {

  private final Map<String, List<String>> listMapKeys;

  /**
   * @param listMapKeys for each list-map, its key members, by the list's schema path: its JSON
   *     Pointer with list indexes written as {@code *} (e.g. {@code /spec/items} or {@code
   *     /spec/groups/ * /members} without the spaces)
   */
  public JsonTreeDiff(Map<String, List<String>> listMapKeys) {
    this.listMapKeys = Map.copyOf(listMapKeys);
  }

  /** The operations turning the document {@code before} into {@code after}. */
  public List<PatchOperation> diff(Map<String, Object> before, Map<String, Object> after) {
    var ops = new ArrayList<PatchOperation>();
    diffMaps("", "", before, after, ops);
    return ops;
  }

  private void diffValues(
      String path, String schemaPath, Object before, Object after, List<PatchOperation> ops) {
    if (Objects.equals(before, after)) {
      return;
    }
    if (before instanceof Map<?, ?> b && after instanceof Map<?, ?> a) {
      diffMaps(path, schemaPath, cast(b), cast(a), ops);
    } else if (before instanceof List<?> b
        && after instanceof List<?> a
        && listMapKeys.containsKey(schemaPath)) {
      diffListMaps(path, schemaPath, b, a, listMapKeys.get(schemaPath), ops);
    } else {
      ops.add(PatchOperation.replace(path, after));
    }
  }

  private void diffMaps(
      String path,
      String schemaPath,
      Map<String, Object> before,
      Map<String, Object> after,
      List<PatchOperation> ops) {
    var names = new TreeSet<>(before.keySet());
    names.addAll(after.keySet());
    for (var name : names) {
      var memberPath = PatchOperation.pointer(path, name);
      if (!after.containsKey(name)) {
        ops.add(PatchOperation.remove(memberPath));
      } else if (!before.containsKey(name)) {
        ops.add(PatchOperation.add(memberPath, after.get(name)));
      } else {
        diffValues(
            memberPath,
            PatchOperation.pointer(schemaPath, name),
            before.get(name),
            after.get(name),
            ops);
      }
    }
  }

  private void diffListMaps(
      String path,
      String schemaPath,
      List<?> before,
      List<?> after,
      List<String> keys,
      List<PatchOperation> ops) {
    var beforeIndex = index(before, keys);
    var afterIndex = index(after, keys);
    if (beforeIndex == null || afterIndex == null) {
      ops.add(PatchOperation.replace(path, after)); // not a well-formed list-map
      return;
    }
    // The shared elements must keep their relative order for in-place edits to be right.
    int lastAfterPosition = -1;
    for (var element : before) {
      var position = afterIndex.get(key(element, keys));
      if (position != null) {
        if (position < lastAfterPosition) {
          ops.add(PatchOperation.replace(path, after));
          return;
        }
        lastAfterPosition = position;
      }
    }
    var elementSchema = schemaPath + "/*";
    for (int i = 0; i < before.size(); i++) {
      var position = afterIndex.get(key(before.get(i), keys));
      if (position != null) {
        diffValues(path + "/" + i, elementSchema, before.get(i), after.get(position), ops);
      }
    }
    for (int i = before.size() - 1; i >= 0; i--) {
      if (!afterIndex.containsKey(key(before.get(i), keys))) {
        ops.add(PatchOperation.remove(path + "/" + i));
      }
    }
    for (int i = 0; i < after.size(); i++) {
      if (!beforeIndex.containsKey(key(after.get(i), keys))) {
        ops.add(PatchOperation.add(path + "/" + i, after.get(i)));
      }
    }
  }

  /** Positions by key, or null when an element is no map or a key occurs twice. */
  private static Map<List<Object>, Integer> index(List<?> list, List<String> keys) {
    var index = new HashMap<List<Object>, Integer>(list.size() * 2);
    for (int i = 0; i < list.size(); i++) {
      if (!(list.get(i) instanceof Map<?, ?>) || index.put(key(list.get(i), keys), i) != null) {
        return null;
      }
    }
    return index;
  }

  private static List<Object> key(Object element, List<String> keys) {
    var map = (Map<?, ?>) element;
    var key = new ArrayList<Object>(keys.size());
    for (var k : keys) {
      key.add(map.get(k));
    }
    return key;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> cast(Map<?, ?> map) {
    return (Map<String, Object>) map;
  }
}
