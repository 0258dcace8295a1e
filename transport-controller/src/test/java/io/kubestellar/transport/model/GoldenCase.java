/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.transport.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;

/** One golden-file case: a directory holding {@code in.yaml} and {@code out.yaml}. */
public record GoldenCase(Path dir) {

  /** The input document. */
  public JsonNode in() {
    return GoldenCases.read(dir, "in.yaml");
  }

  /** The expected document. */
  public JsonNode out() {
    return GoldenCases.read(dir, "out.yaml");
  }

  /** The case's name, which the test report shows. */
  @Override
  public String toString() {
    return dir.getFileName().toString();
  }
}
