/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.runtime;

/** How a component writes its log lines to standard error. */
public enum LogFormat {
  /** One human-readable line per event, key-value pairs appended. */
  TEXT,
  /** One JSON object per line, for log collectors. */
  JSON
}
