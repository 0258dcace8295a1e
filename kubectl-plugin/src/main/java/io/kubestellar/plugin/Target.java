/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.plugin;

import io.kubestellar.controller.model.binding.ObjectRef;

/**
 * An object named on the command line as {@code KIND/NAME}, resolved against the WDS's discovery.
 *
 * @param ref the object's identity in Bindings
 * @param type its resource type
 */
record Target(ObjectRef ref, ApiResources.Type type) {

  static boolean looksLikeObject(String argument) {
    return argument.contains("/");
  }

  static Target parse(String argument, String namespace, ApiResources resources) {
    int slash = argument.indexOf('/');
    if (slash <= 0 || slash == argument.length() - 1) {
      throw new UserError("expected KIND/NAME, got '" + argument + "'");
    }
    var type = resources.resolve(argument.substring(0, slash));
    var name = argument.substring(slash + 1);
    var ns = type.namespaced() ? (namespace == null ? "default" : namespace) : "";
    return new Target(new ObjectRef(type.group(), type.resource(), ns, name), type);
  }
}
