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
 * What the controllers report about a {@link Binding}.
 *
 * @param observedGeneration the Binding generation last processed by the transport controller
 * @param conditions Synced, Ready and StatusCollectorsAvailable (D8)
 * @param errors user errors found while delivering, e.g. template expansion failures (D5)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@SchemaCustomizer(
    value = DeepMergeSchemaCustomizer.class,
    input = SchemaPatches.OBSERVED_GENERATION_INT64)
public record BindingStatus(
    @Required
        @JsonPropertyDescription(
            "The metadata.generation of the Binding that the transport controller last acted on.")
        Long observedGeneration,
    @JsonPropertyDescription(
            "Conditions of the Binding: Synced, Ready and StatusCollectorsAvailable.")
        List<Condition> conditions,
    @JsonPropertyDescription(
            "Problems in the user's input found while delivering, for example a customization"
                + " template that cannot be expanded for some cluster.")
        List<String> errors) {}
