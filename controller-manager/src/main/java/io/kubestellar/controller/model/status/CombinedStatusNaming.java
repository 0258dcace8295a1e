/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.model.status;

import io.kubestellar.api.WireNames;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where the CombinedStatus of a (workload object, BindingPolicy) pair lives and how it is labelled.
 * These are wire facts shared with upstream (D1, D2), defined in {@link WireNames}: consumers find
 * the object by them.
 */
public final class CombinedStatusNaming {

  /** WDS namespace holding the CombinedStatus objects of cluster-scoped workload objects. */
  public static final String REPORT_NAMESPACE = WireNames.REPORT_NAMESPACE;

  public static final String LABEL_API_GROUP = WireNames.COMBINED_STATUS_API_GROUP_LABEL;
  public static final String LABEL_RESOURCE = WireNames.COMBINED_STATUS_RESOURCE_LABEL;
  public static final String LABEL_NAMESPACE = WireNames.COMBINED_STATUS_NAMESPACE_LABEL;
  public static final String LABEL_NAME = WireNames.COMBINED_STATUS_NAME_LABEL;
  public static final String LABEL_BINDING_POLICY = WireNames.COMBINED_STATUS_BINDING_POLICY_LABEL;

  private CombinedStatusNaming() {}

  /** The workload object a CombinedStatus reports on, as the labels name it. */
  public record Subject(
      String apiGroup, String resource, String namespace, String name, String bindingPolicy) {
    public Subject {
      apiGroup = apiGroup == null ? "" : apiGroup;
      namespace = namespace == null ? "" : namespace;
      Objects.requireNonNull(resource, "resource");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(bindingPolicy, "bindingPolicy");
    }
  }

  /** {@code <objectUID>.<bindingPolicyUID>}. */
  public static String name(String workloadUid, String bindingPolicyUid) {
    requireText(workloadUid, "workload UID");
    requireText(bindingPolicyUid, "BindingPolicy UID");
    return workloadUid + "." + bindingPolicyUid;
  }

  /** The object's own namespace, or {@value #REPORT_NAMESPACE} for a cluster-scoped object. */
  public static String namespace(String workloadNamespace) {
    return workloadNamespace == null || workloadNamespace.isEmpty()
        ? REPORT_NAMESPACE
        : workloadNamespace;
  }

  /**
   * Exactly the five labels a CombinedStatus carries: API group without version ({@code ""} for
   * core), lowercase plural resource, namespace ({@code ""} if cluster-scoped), name and
   * BindingPolicy name.
   */
  public static Map<String, String> labels(Subject subject) {
    var labels = new LinkedHashMap<String, String>();
    labels.put(LABEL_API_GROUP, subject.apiGroup());
    labels.put(LABEL_RESOURCE, subject.resource());
    labels.put(LABEL_NAMESPACE, subject.namespace());
    labels.put(LABEL_NAME, subject.name());
    labels.put(LABEL_BINDING_POLICY, subject.bindingPolicy());
    return java.util.Collections.unmodifiableMap(labels);
  }

  private static void requireText(String value, String what) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException(what + " must not be empty");
    }
  }
}
