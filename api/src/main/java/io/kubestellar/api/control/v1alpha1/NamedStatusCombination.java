/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.api.control.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import java.util.List;

/**
 * The table one StatusCollector produced for one object.
 *
 * @param name the StatusCollector's name
 * @param columnNames the column names, in order
 * @param rows the rows (at most the collector's limit)
 * @param rowErrors failures evaluating an expression for one cluster
 * @param aggregationErrors failures combining the values of a column
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record NamedStatusCombination(
    @Required @JsonPropertyDescription("Name of the StatusCollector that produced this table.")
        String name,
    @Required
        @JsonInclude(JsonInclude.Include.ALWAYS)
        @JsonPropertyDescription("Names of the columns, in order.")
        List<String> columnNames,
    @JsonPropertyDescription("Rows of the table.") List<StatusCombinationRow> rows,
    @JsonPropertyDescription(
            "Expressions that failed for a particular cluster; the empty column name stands for"
                + " the filter.")
        List<RowError> rowErrors,
    @JsonPropertyDescription("Columns whose values could not be aggregated.")
        List<AggregationError> aggregationErrors) {}
