/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.plugin.model;

import io.kubestellar.controller.model.binding.ObjectRef;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What one Binding lists and reports.
 *
 * @param name the Binding's (and its policy's) name
 * @param destinations cluster names
 * @param objects the listed objects with the API version they are read at
 * @param errors the Binding's {@code status.errors}
 */
public record BindingFacts(
    String name,
    SortedSet<String> destinations,
    Map<ObjectRef, String> objects,
    List<String> errors) {

  public BindingFacts {
    destinations = new TreeSet<>(destinations);
    objects = Collections.unmodifiableMap(new HashMap<>(objects));
    errors = List.copyOf(errors);
  }
}
