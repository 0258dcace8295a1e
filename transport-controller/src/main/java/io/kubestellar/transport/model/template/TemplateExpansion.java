/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.transport.model.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The result of expanding templates in an object tree for one destination.
 *
 * @param output the expanded copy (the input is never modified)
 * @param wantedChange whether any string contained <code>&#123;&#123;</code>, i.e. asked for
 *     expansion
 * @param errors one Go-shaped error text per failing string, in document order
 */
public record TemplateExpansion(JsonNode output, boolean wantedChange, List<String> errors) {

  public TemplateExpansion {
    errors = List.copyOf(errors);
  }

  public boolean failed() {
    return !errors.isEmpty();
  }
}
