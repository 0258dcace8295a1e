/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.api.control.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.generator.annotation.Required;
import java.util.List;

/**
 * What the status controller reports about a {@link StatusCollector}.
 *
 * @param observedGeneration the collector generation last checked
 * @param errors problems found in the collector's expressions or structure
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@SchemaCustomizer(
    value = DeepMergeSchemaCustomizer.class,
    input = SchemaPatches.OBSERVED_GENERATION_INT64)
public record StatusCollectorStatus(
    @Required @JsonPropertyDescription("The metadata.generation of the collector that was checked.")
        Long observedGeneration,
    @JsonPropertyDescription(
            "Problems in the collector, such as CEL expressions that do not compile or fields"
                + " that cannot be combined.")
        List<String> errors) {}
