/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.transport.model.customtransform;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubestellar.transport.model.GoText;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A parsed CustomTransform path: the member names to step through from the object root; the last
 * one names the member to remove. Never empty.
 *
 * @param keys member names, outermost first
 */
public record RemovePath(List<String> keys) {

  public RemovePath {
    keys = List.copyOf(keys);
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("a remove path names at least one member");
    }
  }

  /**
   * Removes the member this path names, if it is there. Stops quietly at the first step that is
   * missing or is not a JSON object; there is no array indexing.
   *
   * @return whether something was removed
   */
  public boolean removeFrom(ObjectNode root) {
    var current = root;
    for (int i = 0; i < keys.size() - 1; i++) {
      if (!(current.get(keys.get(i)) instanceof ObjectNode next)) {
        return false;
      }
      current = next;
    }
    return current.remove(keys.get(keys.size() - 1)) != null;
  }

  /** The path in bracket notation, e.g. {@code $["spec"]["suspend"]}. */
  @Override
  public String toString() {
    return keys.stream()
        .map(key -> "[" + GoText.quote(key) + "]")
        .collect(Collectors.joining("", "$", ""));
  }
}
