/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.api.control.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/**
 * An aggregation with a column name.
 *
 * @param name the column name
 * @param type which aggregation
 * @param subject CEL expression aggregated; absent for COUNT, required otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NamedAggregator(
    @Required @JsonPropertyDescription("Column name for the aggregated value.") String name,
    @Required @JsonPropertyDescription("The aggregation: one of COUNT, SUM, AVG, MIN or MAX.")
        AggregatorType type,
    @JsonPropertyDescription(
            "CEL expression whose values are aggregated. Must be absent for COUNT and present"
                + " for the other types.")
        String subject) {}
