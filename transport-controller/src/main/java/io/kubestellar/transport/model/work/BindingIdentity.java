/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.transport.model.work;

import java.util.Objects;

/**
 * What ManifestWork names, labels and annotations take from the Binding.
 *
 * @param name metadata.name
 * @param uid metadata.uid
 * @param generation metadata.generation
 */
public record BindingIdentity(String name, String uid, long generation) {

  public BindingIdentity {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(uid, "uid");
  }
}
