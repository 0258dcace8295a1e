/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.transport.reconciler.binding;

import io.kubestellar.api.control.v1alpha1.Binding;
import java.util.ArrayList;
import java.util.List;

/**
 * One workload object a Binding lists, as the transport reads it.
 *
 * @param group API group ({@code ""} for core)
 * @param version API version to read it at
 * @param resource lowercase plural resource
 * @param namespace namespace, {@code ""} for cluster-scoped objects
 * @param name name
 * @param createOnly whether to deliver it create-only
 */
public record WorkloadRef(
    String group,
    String version,
    String resource,
    String namespace,
    String name,
    boolean createOnly) {

  /** The version-independent identity, used to find the Bindings that list an object. */
  public ObjectKey key() {
    return new ObjectKey(group, resource, namespace, name);
  }

  /** Group, version and resource, which select an informer. */
  public Gvr gvr() {
    return new Gvr(group, version, resource, !namespace.isEmpty());
  }

  /** An object's identity regardless of version. */
  public record ObjectKey(String group, String resource, String namespace, String name) {}

  /** An informer's resource; {@code namespaced} is known from the Binding list it came from. */
  public record Gvr(String group, String version, String resource, boolean namespaced) {

    /** {@code group/version} or just {@code version} for the core group. */
    public String apiVersion() {
      return group.isEmpty() ? version : group + "/" + version;
    }
  }

  /** The objects of a Binding, cluster-scoped first, each in the order the Binding lists them. */
  public static List<WorkloadRef> of(Binding binding) {
    var refs = new ArrayList<WorkloadRef>();
    var spec = binding.getSpec();
    if (spec == null || spec.workload() == null) {
      return refs;
    }
    var workload = spec.workload();
    if (workload.clusterScope() != null) {
      for (var c : workload.clusterScope()) {
        refs.add(
            new WorkloadRef(
                nonNull(c.group()),
                nonNull(c.version()),
                nonNull(c.resource()),
                "",
                nonNull(c.name()),
                Boolean.TRUE.equals(c.createOnly())));
      }
    }
    if (workload.namespaceScope() != null) {
      for (var n : workload.namespaceScope()) {
        refs.add(
            new WorkloadRef(
                nonNull(n.group()),
                nonNull(n.version()),
                nonNull(n.resource()),
                nonNull(n.namespace()),
                nonNull(n.name()),
                Boolean.TRUE.equals(n.createOnly())));
      }
    }
    return refs;
  }

  private static String nonNull(String text) {
    return text == null ? "" : text;
  }
}
