/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.api.control.v1alpha1;

/** The API group and version shared by every KubeStellar control kind. */
public final class ControlGroup {
  /** The API group of the KubeStellar control kinds. */
  public static final String GROUP = "control.kubestellar.io";

  /** The only served and stored version. */
  public static final String VERSION = "v1alpha1";

  /** {@code apiVersion} as written in objects. */
  public static final String API_VERSION = GROUP + "/" + VERSION;

  private ControlGroup() {}
}
