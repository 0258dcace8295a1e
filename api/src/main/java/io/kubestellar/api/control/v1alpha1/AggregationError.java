/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.api.control.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/**
 * A column whose values could not be aggregated.
 *
 * @param columnName the column
 * @param error what went wrong
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AggregationError(
    @Required @JsonPropertyDescription("The column that could not be aggregated.")
        String columnName,
    @Required @JsonPropertyDescription("What went wrong.") String error) {}
