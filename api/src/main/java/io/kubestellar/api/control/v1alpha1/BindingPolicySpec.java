/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.api.control.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.kubernetes.api.model.LabelSelector;
import java.util.List;

/**
 * The desired state of a {@link BindingPolicy}: where (cluster selectors) and what (downsync
 * clauses). Lists are {@code null} when absent.
 *
 * @param clusterSelectors a cluster is a destination when its labels satisfy at least one selector
 * @param downsync an object is selected when it matches at least one clause
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@SchemaCustomizer(
    value = DeepMergeSchemaCustomizer.class,
    input =
        "{\"properties\":{\"clusterSelectors\":{\"items\":"
            + SchemaPatches.CHECKED_SELECTOR
            + "}}}")
public record BindingPolicySpec(
    @JsonPropertyDescription(
            "Label selectors tested against the labels of each inventory cluster (OCM"
                + " ManagedCluster). A cluster receives the selected objects when at least one"
                + " selector matches it; an empty selector matches every cluster and an absent or"
                + " empty list matches none. Label values, keys and operators are checked at"
                + " admission.")
        List<LabelSelector> clusterSelectors,
    @JsonPropertyDescription(
            "Clauses choosing workload objects of this space. An object is selected when any"
                + " clause matches it; the modulation flags of all matching clauses are combined.")
        List<DownsyncPolicyClause> downsync) {}
