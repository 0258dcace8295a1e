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
 * What the transport controller reports about a {@link CustomTransform}.
 *
 * @param observedGeneration the transform generation last checked
 * @param errors paths that cannot be used
 * @param warnings non-fatal findings, e.g. several transforms for one resource
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@SchemaCustomizer(
    value = DeepMergeSchemaCustomizer.class,
    input = SchemaPatches.OBSERVED_GENERATION_INT64)
public record CustomTransformStatus(
    @Required @JsonPropertyDescription("The metadata.generation of the transform that was checked.")
        Long observedGeneration,
    @JsonPropertyDescription("Problems that stop some of the transform from being applied.")
        List<String> errors,
    @JsonPropertyDescription(
            "Findings that do not stop the transform, such as another transform for the same"
                + " resource.")
        List<String> warnings) {}
