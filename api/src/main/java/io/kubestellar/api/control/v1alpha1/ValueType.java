/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.api.control.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The kinds of {@link Value}. */
public enum ValueType {
  /** Text. */
  @JsonProperty("String")
  STRING,
  /** A number, carried as decimal text. */
  @JsonProperty("Number")
  NUMBER,
  /** true or false. */
  @JsonProperty("Bool")
  BOOL,
  /** JSON null. */
  @JsonProperty("Null")
  NULL,
  /** A JSON object. */
  @JsonProperty("Object")
  OBJECT,
  /** A JSON array. */
  @JsonProperty("Array")
  ARRAY
}
