/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.model.binding;

/**
 * The outcome of testing one object against one downsync clause, with the first failing test
 * described for people (D15).
 *
 * @param matched whether every test of the clause passed
 * @param reason why not, or {@code "matches"}
 */
public record ClauseVerdict(boolean matched, String reason) {

  static final ClauseVerdict MATCH = new ClauseVerdict(true, "matches");

  static ClauseVerdict no(String reason) {
    return new ClauseVerdict(false, reason);
  }
}
