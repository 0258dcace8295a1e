/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.transport.model.customtransform;

/** A CustomTransform path that does not follow the supported grammar; the message is upstream's. */
public final class PathSyntaxException extends Exception {

  private static final long serialVersionUID = 1L;

  public PathSyntaxException(String message) {
    super(message);
  }
}
