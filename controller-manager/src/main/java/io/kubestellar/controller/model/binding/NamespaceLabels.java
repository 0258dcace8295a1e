/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.model.binding;

import java.util.Map;
import java.util.Optional;

/** Looks up the labels of a WDS Namespace; empty when the Namespace does not exist. */
@FunctionalInterface
public interface NamespaceLabels {

  /** The labels of the namespace, or empty if there is no such Namespace. */
  Optional<Map<String, String>> of(String namespace);
}
