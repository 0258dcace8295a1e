/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.api.control.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.generator.annotation.Required;

/**
 * Freshness bookkeeping of a {@link WorkStatus}; upstream's agent writes fixed values (0, false,
 * the epoch), and so does ours.
 *
 * @param lastGeneration generation of the reported object that was last applied
 * @param lastGenerationIsApplied whether that generation was applied
 * @param lastCurrencyUpdateTime when the report was last known to be current (RFC 3339)
 */
@SchemaCustomizer(
    value = DeepMergeSchemaCustomizer.class,
    input =
        "{\"properties\":{\"lastGeneration\":{\"format\":\"int64\"},"
            + "\"lastCurrencyUpdateTime\":{\"format\":\"date-time\"}}}")
public record StatusDetails(
    @Required @JsonPropertyDescription("Generation of the reported object that was last applied.")
        Long lastGeneration,
    @Required @JsonPropertyDescription("Whether lastGeneration has been applied in the cluster.")
        Boolean lastGenerationIsApplied,
    @Required @JsonPropertyDescription("When the report was last known to be current (RFC 3339).")
        String lastCurrencyUpdateTime) {}
