/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.plugin;

/** A problem the user can fix (a missing object, a wrong context); printed without a trace. */
final class UserError extends RuntimeException {

  UserError(String message) {
    super(message);
  }
}
