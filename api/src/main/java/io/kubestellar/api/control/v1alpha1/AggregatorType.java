/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.api.control.v1alpha1;

/** The aggregations a {@link NamedAggregator} can compute. */
public enum AggregatorType {
  /** Number of contributing clusters. */
  COUNT,
  /** Sum of the subject's numeric values. */
  SUM,
  /** Mean of the subject's numeric values. */
  AVG,
  /** Smallest value of the subject. */
  MIN,
  /** Largest value of the subject. */
  MAX
}
