/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.transport.model.work;

import java.util.Objects;

/**
 * What the plan needs to know of a ManifestWork found in the ITS.
 *
 * @param namespace its namespace (the destination cluster)
 * @param name its name
 * @param recordedHash the content hash annotation it carries ({@code ""} when absent)
 * @param actualHash the content hash of what it actually holds ({@link ContentHash#of})
 */
public record ExistingWork(String namespace, String name, String recordedHash, String actualHash) {

  public ExistingWork {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
    recordedHash = recordedHash == null ? "" : recordedHash;
    Objects.requireNonNull(actualHash, "actualHash");
  }

  /** {@code namespace/name}. */
  public String key() {
    return namespace + "/" + name;
  }
}
