/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.model.binding;

import io.kubestellar.model.GroupResource;
import java.util.List;

/**
 * One {@code spec.downsync} entry of a BindingPolicy: the object tests and the modulation.
 *
 * @param apiGroup exact API group, or null for any group ({@code ""} is the core group)
 * @param resources lowercase plural resource names; {@code "*"} admits any; empty means no test
 * @param namespaces namespace names; {@code "*"} admits any, including cluster-scoped objects
 * @param namespaceSelectors tested against the labels of the object's Namespace
 * @param objectSelectors tested against the object's labels
 * @param objectNames object names; {@code "*"} admits any
 * @param modulation what matching objects get
 */
public record DownsyncClause(
    String apiGroup,
    List<String> resources,
    List<String> namespaces,
    List<Selector> namespaceSelectors,
    List<Selector> objectSelectors,
    List<String> objectNames,
    Modulation modulation) {

  public static final String ANY = "*";

  public DownsyncClause {
    resources = resources == null ? List.of() : List.copyOf(resources);
    namespaces = namespaces == null ? List.of() : List.copyOf(namespaces);
    namespaceSelectors = namespaceSelectors == null ? List.of() : List.copyOf(namespaceSelectors);
    objectSelectors = objectSelectors == null ? List.of() : List.copyOf(objectSelectors);
    objectNames = objectNames == null ? List.of() : List.copyOf(objectNames);
    modulation = modulation == null ? Modulation.NONE : modulation;
  }

  /** Whether objects of this group and resource can pass the type tests (rules 1 and 2). */
  public boolean admitsType(GroupResource type) {
    return (apiGroup == null || apiGroup.equals(type.group()))
        && admits(resources, type.resource());
  }

  /** Whether a list test admits a value: empty list, {@code "*"}, or an exact entry. */
  static boolean admits(List<String> list, String value) {
    return list.isEmpty() || list.contains(ANY) || list.contains(value);
  }
}
