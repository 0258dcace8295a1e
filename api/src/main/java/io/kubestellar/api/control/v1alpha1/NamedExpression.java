/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.api.control.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/**
 * A CEL expression with a column name.
 *
 * @param name the column name
 * @param def the CEL expression; it sees {@code inventory}, {@code obj}, {@code returned} and
 *     {@code propagation}
 */
public record NamedExpression(
    @Required @JsonPropertyDescription("Column name for the expression's value.") String name,
    @Required
        @JsonPropertyDescription("CEL expression over inventory, obj, returned and propagation.")
        String def) {}
