/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.model.status.reported;

/** Label keys status return maintains on WDS workload objects (D9). */
public final class ReportedStateLabels {

  /** {@code "true"} while {@code .status} holds one WEC's status written by KubeStellar. */
  public static final String SINGLETON_STATUS = "managed-by.kubestellar.io/singletonstatus";

  /** {@code "true"} while {@code .status} holds a multi-WEC aggregate. */
  public static final String MULTI_WEC_STATUS = "managed-by.kubestellar.io/multiwecstatus";

  /**
   * Size of the qualified WEC set while singleton return is requested (D9): shows at a glance why a
   * singleton status is or is not returned ({@code "1"} is the only count that returns one).
   */
  public static final String EXECUTING_COUNT = "kubestellar.io/executing-count";

  /** The marker value. */
  public static final String TRUE = "true";

  private ReportedStateLabels() {}
}
