/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.runtime.controller;

/**
 * Thrown by a reconcile whose failure is already reported where users look (a status condition, an
 * Event); JOSDK's retry runs it again with backoff. It carries no stack trace: the message says it
 * all, and JOSDK logs every retried failure.
 */
public final class TryAgain extends RuntimeException {

  public TryAgain(String reason) {
    super(reason, null, false, false);
  }
}
