/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.api.control.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import java.util.List;

/**
 * The resolved "what" and "where" of a {@link Binding}.
 *
 * @param workload the selected objects
 * @param destinations the selected clusters, unique by {@code clusterId}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@SchemaCustomizer(
    value = DeepMergeSchemaCustomizer.class,
    input =
        "{\"properties\":{\"destinations\":{\"x-kubernetes-list-type\":\"map\","
            + "\"x-kubernetes-list-map-keys\":[\"clusterId\"]}}}")
public record BindingSpec(
    @JsonPropertyDescription("The workload objects selected by the policy, each named exactly.")
        DownsyncObjectClauses workload,
    @JsonPropertyDescription("The clusters selected by the policy, each listed once.")
        List<Destination> destinations) {}
