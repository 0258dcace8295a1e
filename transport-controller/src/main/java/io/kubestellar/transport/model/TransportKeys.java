/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.transport.model;

/** Label, annotation and namespace names that the transport reads or writes (D2 wire format). */
public final class TransportKeys {

  /** Label on every ManifestWork: name of the Binding it was rendered from. */
  public static final String BINDING_LABEL =
      "transport.kubestellar.io/originOwnerReferenceBindingKey";

  /** Label on every ManifestWork: name of the WDS the Binding lives in. */
  public static final String WDS_LABEL = "transport.kubestellar.io/originWdsName";

  /** Annotation on every ManifestWork: Binding {@code metadata.generation}, in decimal. */
  public static final String BINDING_GENERATION_ANNOTATION =
      "transport.kubestellar.io/originOwnerReferenceBindingGeneration";

  /**
   * Annotation on every ManifestWork written by this project: hash of the rendered content (D6).
   * Not an upstream key; upstream components ignore it.
   */
  public static final String CONTENT_HASH_ANNOTATION = "transport.kubestellar.io/contentHash";

  /** Finalizer the transport keeps on Bindings until their ManifestWorks are gone. */
  public static final String BINDING_FINALIZER = "transport.kubestellar.io/object-cleanup";

  /** Workload-object annotation that asks for template expansion when its value is "true". */
  public static final String EXPAND_TEMPLATES_ANNOTATION =
      "control.kubestellar.io/expand-templates";

  /** Service annotation; the value {@code nodeport} keeps {@code spec.ports[*].nodePort}. */
  public static final String PRESERVE_ANNOTATION = "control.kubestellar.io/preserve";

  /** ITS namespace holding one property ConfigMap per cluster, named after the cluster. */
  public static final String PROPERTIES_NAMESPACE = "customization-properties";

  private TransportKeys() {}
}
