/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.plugin;

/** How a command prints its answer ({@code -o}). */
public enum OutputFormat {
  table,
  json,
  yaml
}
