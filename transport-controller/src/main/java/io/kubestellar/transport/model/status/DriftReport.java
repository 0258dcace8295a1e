/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.transport.model.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A delivered object whose copy in a WEC differs from what was delivered, as its WorkStatus says
 * (D16), turned into the text users read on the Binding and BindingPolicy.
 *
 * @param cluster the WEC
 * @param groupKind {@code apps/Deployment}, or just the kind for the core group
 * @param namespace the object's namespace, {@code ""} when cluster-scoped
 * @param name the object's name
 * @param fields the differing fields as {@code path actual, desired value} texts
 * @param moreFields how many differing fields the report does not list
 * @param conflict whether the difference keeps coming back: another writer in the WEC
 */
public record DriftReport(
    String cluster,
    String groupKind,
    String namespace,
    String name,
    List<String> fields,
    int moreFields,
    boolean conflict) {

  public DriftReport {
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(groupKind, "groupKind");
    namespace = namespace == null ? "" : namespace;
    Objects.requireNonNull(name, "name");
    fields = List.copyOf(fields);
  }

  /**
   * One field's text: {@code spec.replicas 3, desired 1 (set by kubectl)}.
   *
   * @param actual JSON text of the value in the WEC, {@code null} when missing there
   * @param managers other field managers owning the field in the WEC
   */
  public static String fieldText(
      String path, String desired, String actual, List<String> managers) {
    var text = new StringBuilder(path);
    text.append(' ').append(actual == null ? "missing" : actual);
    text.append(", desired ").append(desired);
    if (managers != null && !managers.isEmpty()) {
      text.append(" (set by ").append(String.join(", ", managers)).append(')');
    }
    return text.toString();
  }

  /**
   * The text of the report: {@code cluster1: apps/Deployment ns/name: spec.replicas 3, desired 1}.
   */
  public String text() {
    var parts = new ArrayList<>(fields);
    if (moreFields > 0) {
      parts.add(moreFields + " more field(s)");
    }
    return cluster
        + ": "
        + groupKind
        + " "
        + (namespace.isEmpty() ? "" : namespace + "/")
        + name
        + ": "
        + (parts.isEmpty() ? "differs from what was delivered" : String.join("; ", parts))
        + (conflict ? " (keeps coming back after repairs: another writer in the cluster)" : "");
  }
}
