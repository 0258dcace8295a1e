/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.plugin.model;

import io.kubestellar.controller.model.binding.ObjectRef;
import java.util.List;

/**
 * Finds, among a Binding's {@code status.errors}, a delivery problem of one object on one cluster.
 * The transport names objects as {@code Kind.group(namespace/name)} and prefixes per-cluster
 * problems (template expansion) with {@code <cluster>/}; drift entries are left to the WorkStatus.
 */
final class TransportErrors {

  private static final String DRIFT_PREFIX = "drift: ";

  private TransportErrors() {}

  static String naming(List<String> errors, ObjectRef ref, String cluster) {
    var mention = "(" + (ref.clusterScoped() ? "" : ref.namespace() + "/") + ref.name() + ")";
    for (var error : errors) {
      if (error.startsWith(DRIFT_PREFIX) || !error.contains(mention)) {
        continue;
      }
      int slash = error.indexOf('/');
      var prefix = slash > 0 ? error.substring(0, slash) : "";
      boolean perCluster = !prefix.isEmpty() && !prefix.contains(" ") && !prefix.contains("(");
      if (!perCluster || error.startsWith(cluster + "/")) {
        return error;
      }
    }
    return null;
  }
}
