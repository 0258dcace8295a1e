/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.api.control.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Required;
import java.util.List;

/**
 * How to summarise the reported statuses of one workload object. Either {@code select} (one row per
 * cluster) or {@code combinedFields} with optional {@code groupBy} (aggregated rows).
 *
 * @param filter CEL predicate choosing which clusters' reports take part
 * @param groupBy named CEL expressions forming the grouping key
 * @param combinedFields aggregations computed per group
 * @param select named CEL expressions, one column each, one row per cluster
 * @param limit maximum number of rows; 20 when omitted (D11)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@SchemaCustomizer(
    value = DeepMergeSchemaCustomizer.class,
    input = "{\"properties\":{\"limit\":{\"format\":\"int64\"}}}")
public record StatusCollectorSpec(
    @JsonPropertyDescription(
            "Optional CEL expression evaluated per reporting cluster; only clusters for which it"
                + " yields true contribute (null counts as false).")
        String filter,
    @JsonPropertyDescription(
            "Named CEL expressions whose values form the key that rows are grouped by. Requires"
                + " combinedFields.")
        List<NamedExpression> groupBy,
    @JsonPropertyDescription(
            "Aggregations computed over each group of reporting clusters. Cannot be combined with"
                + " select.")
        List<NamedAggregator> combinedFields,
    @JsonPropertyDescription(
            "Named CEL expressions, one column each, giving one row per reporting cluster. Cannot"
                + " be combined with groupBy or combinedFields.")
        List<NamedExpression> select,
    @Required
        @Default("20")
        @JsonPropertyDescription(
            "Largest number of rows kept in the result. When omitted the API server fills in"
                + " 20.")
        Long limit) {

  /** The row limit used when a collector does not set one (D11). */
  public static final long DEFAULT_LIMIT = 20;
}
