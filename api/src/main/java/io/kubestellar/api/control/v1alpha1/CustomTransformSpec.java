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
 * Which objects a {@link CustomTransform} applies to and what it removes.
 *
 * @param apiGroup API group of the objects ({@code ""} for core); no version
 * @param resource lowercase plural resource of the objects
 * @param remove paths naming content to delete, {@code $} followed by {@code .name} or {@code
 *     ["name"]} segments
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CustomTransformSpec(
    @Required
        @JsonPropertyDescription(
            "API group (without version) of the objects to transform; the empty string is the"
                + " core group.")
        String apiGroup,
    @Required
        @JsonPropertyDescription(
            "Lowercase plural resource of the objects to transform; subresources are not"
                + " accepted.")
        String resource,
    @JsonPropertyDescription(
            "Paths of content to delete from each object: \"$\" followed by segments written"
                + " .name or [\"name\"].")
        List<String> remove) {}
