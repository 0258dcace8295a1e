/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.transport.model;

import io.kubestellar.api.WireNames;

/**
 * Label, annotation and namespace names that the transport reads or writes (D2 wire format), under
 * the transport's names for them. The upstream ones are defined once, in {@link WireNames}.
 */
public final class TransportKeys {

  /** Label on every ManifestWork: name of the Binding it was rendered from. */
  public static final String BINDING_LABEL = WireNames.ORIGIN_BINDING_LABEL;

  /** Label on every ManifestWork: name of the WDS the Binding lives in. */
  public static final String WDS_LABEL = WireNames.ORIGIN_WDS_LABEL;

  /** Annotation on every ManifestWork: Binding {@code metadata.generation}, in decimal. */
  public static final String BINDING_GENERATION_ANNOTATION =
      WireNames.ORIGIN_BINDING_GENERATION_ANNOTATION;

  /**
   * Annotation on every ManifestWork written by this project: hash of the rendered content (D6).
   * Not an upstream key; upstream components ignore it.
   */
  public static final String CONTENT_HASH_ANNOTATION = "transport.kubestellar.io/contentHash";

  /** Finalizer the transport keeps on Bindings until their ManifestWorks are gone. */
  public static final String BINDING_FINALIZER = WireNames.BINDING_CLEANUP_FINALIZER;

  /** Workload-object annotation that asks for template expansion when its value is "true". */
  public static final String EXPAND_TEMPLATES_ANNOTATION = WireNames.EXPAND_TEMPLATES_ANNOTATION;

  /** Service annotation; the value {@code nodeport} keeps {@code spec.ports[*].nodePort}. */
  public static final String PRESERVE_ANNOTATION = WireNames.PRESERVE_ANNOTATION;

  /** ITS namespace holding one property ConfigMap per cluster, named after the cluster. */
  public static final String PROPERTIES_NAMESPACE = WireNames.CUSTOMIZATION_PROPERTIES_NAMESPACE;

  private TransportKeys() {}
}
