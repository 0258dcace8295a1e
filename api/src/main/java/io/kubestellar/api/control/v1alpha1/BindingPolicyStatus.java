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
 * What the controllers report about a {@link BindingPolicy}.
 *
 * @param observedGeneration the policy generation last processed
 * @param conditions Synced, Ready and StatusCollectorsAvailable (D8)
 * @param errors problems users should fix
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@SchemaCustomizer(
    value = DeepMergeSchemaCustomizer.class,
    input = SchemaPatches.OBSERVED_GENERATION_INT64)
public record BindingPolicyStatus(
    @Required
        @JsonPropertyDescription(
            "The metadata.generation of the policy that the reported state corresponds to.")
        Long observedGeneration,
    @JsonPropertyDescription(
            "Conditions of the policy: Synced (its Binding matches the current resolution),"
                + " Ready (everything resolved was delivered) and StatusCollectorsAvailable.")
        List<Condition> conditions,
    @JsonPropertyDescription(
            "Problems found while resolving or delivering this policy that a user should look"
                + " at, such as singleton status requested for an object bound to several clusters.")
        List<String> errors) {}
