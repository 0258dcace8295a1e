/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.api;

/**
 * Every label, annotation, finalizer and namespace name that KubeStellar components read or write
 * on the wire (D2). They are upstream's names; change none of them.
 */
public final class WireNames {

  // ---- annotations on WDS workload objects (set by users) ----

  /**
   * Annotation on a WDS object; the value {@code "true"} turns on template expansion per cluster.
   */
  public static final String EXPAND_TEMPLATES_ANNOTATION =
      "control.kubestellar.io/expand-templates";

  /**
   * Annotation on a WDS Service; the value {@code nodeport} keeps its node ports when delivered.
   */
  public static final String PRESERVE_ANNOTATION = "control.kubestellar.io/preserve";

  /** Value of {@link #PRESERVE_ANNOTATION} that keeps a Service's node ports. */
  public static final String PRESERVE_NODEPORT = "nodeport";

  // ---- finalizers ----

  /** Finalizer the binding controller keeps on every live BindingPolicy. */
  public static final String BINDING_POLICY_FINALIZER = "bindingpolicy.kubestellar.io/kscontroller";

  /** Finalizer the transport controller keeps on a Binding until its ManifestWorks are gone. */
  public static final String BINDING_CLEANUP_FINALIZER = "transport.kubestellar.io/object-cleanup";

  // ---- transport: ManifestWork labels and annotations (copied to WorkStatus labels) ----

  /** Prefix of the transport's label keys; the status agent reports only on works carrying one. */
  public static final String TRANSPORT_PREFIX = "transport.kubestellar.io";

  /** Label on a ManifestWork (and its WorkStatuses) naming the Binding it delivers. */
  public static final String ORIGIN_BINDING_LABEL =
      "transport.kubestellar.io/originOwnerReferenceBindingKey";

  /** Label on a ManifestWork (and its WorkStatuses) naming the WDS it comes from. */
  public static final String ORIGIN_WDS_LABEL = "transport.kubestellar.io/originWdsName";

  /** Annotation on a ManifestWork holding the Binding generation (decimal) it was rendered from. */
  public static final String ORIGIN_BINDING_GENERATION_ANNOTATION =
      "transport.kubestellar.io/originOwnerReferenceBindingGeneration";

  // ---- status return markers ----

  /** Legacy prefix that, like {@link #TRANSPORT_PREFIX}, marks a ManifestWork as KubeStellar's. */
  public static final String MANAGED_BY_PREFIX = "managed-by.kubestellar.io";

  /** Label ({@code "true"}) on a WDS object whose status holds one cluster's reported status. */
  public static final String SINGLETON_STATUS_LABEL = "managed-by.kubestellar.io/singletonstatus";

  /** Label ({@code "true"}) on a WDS object whose status combines several clusters' statuses. */
  public static final String MULTI_WEC_STATUS_LABEL = "managed-by.kubestellar.io/multiwecstatus";

  /** Label on a WDS object requesting status return: the number of clusters it runs in (D9). */
  public static final String EXECUTING_COUNT_LABEL = "kubestellar.io/executing-count";

  // ---- CombinedStatus labels ----

  /** Label on a CombinedStatus: API group of the subject object ({@code ""} for core). */
  public static final String COMBINED_STATUS_API_GROUP_LABEL = "status.kubestellar.io/api-group";

  /** Label on a CombinedStatus: lowercase plural resource of the subject object. */
  public static final String COMBINED_STATUS_RESOURCE_LABEL = "status.kubestellar.io/resource";

  /** Label on a CombinedStatus: namespace of the subject object ({@code ""} if cluster-scoped). */
  public static final String COMBINED_STATUS_NAMESPACE_LABEL = "status.kubestellar.io/namespace";

  /** Label on a CombinedStatus: name of the subject object. */
  public static final String COMBINED_STATUS_NAME_LABEL = "status.kubestellar.io/name";

  /** Label on a CombinedStatus: name of the BindingPolicy whose collectors produced it. */
  public static final String COMBINED_STATUS_BINDING_POLICY_LABEL =
      "status.kubestellar.io/binding-policy";

  // ---- namespaces ----

  /** WDS namespace holding the CombinedStatus objects of cluster-scoped workload objects. */
  public static final String REPORT_NAMESPACE = "kubestellar-report";

  /** ITS namespace holding one ConfigMap of customization properties per cluster. */
  public static final String CUSTOMIZATION_PROPERTIES_NAMESPACE = "customization-properties";

  // ---- KubeFlex ----

  /** Label on a KubeFlex ControlPlane giving its type, {@code wds} or {@code its}. */
  public static final String KUBEFLEX_CONTROL_PLANE_TYPE_LABEL = "kflex.kubestellar.io/cptype";

  // ---- OCM names KubeStellar relies on ----

  /** Finalizer OCM puts on ManifestWorks. */
  public static final String OCM_MANIFEST_WORK_FINALIZER =
      "cluster.open-cluster-management.io/manifest-work-cleanup";

  /** Name of the status add-on (ClusterManagementAddOn and ManagedClusterAddOn). */
  public static final String STATUS_ADDON_NAME = "addon-status";

  /**
   * Annotation on a ClusterManagementAddOn handing its install lifecycle to OCM's addon-manager.
   */
  public static final String ADDON_LIFECYCLE_ANNOTATION =
      "addon.open-cluster-management.io/lifecycle";

  // ---- Faithful delivery (D16) ----

  /**
   * Field manager the OCM work agent applies our manifests with (server-side apply). OCM requires
   * the {@code work-agent} prefix.
   */
  public static final String APPLY_FIELD_MANAGER = "work-agent-kubestellar";

  /**
   * Annotation the status add-on sets on an AppliedManifestWork in the WEC to have the work agent
   * re-apply that work at once (its value is the time of the request); used to repair drift.
   */
  public static final String REAPPLY_REQUESTED_ANNOTATION =
      "control.kubestellar.io/reapply-requested";

  /**
   * Label the status add-on keeps on a WorkStatus, value {@code true}, while its {@code drift} is
   * set, so that the transport controller watches only drifted objects' WorkStatuses.
   */
  public static final String DRIFTED_LABEL = "control.kubestellar.io/drifted";

  private WireNames() {}
}
