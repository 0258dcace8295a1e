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
 * One field of a delivered object whose value in its cluster differs from the delivered value.
 *
 * @param path the field, dotted ({@code spec.replicas}, {@code metadata.labels.tier}, {@code
 *     spec.template.spec.containers[0].image})
 * @param desired the delivered value as JSON text
 * @param actual the value in the cluster as JSON text; absent when the field is missing there
 * @param managers field managers in the cluster, other than the work agent, that own the field
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DriftField(
    @Required @JsonPropertyDescription("The differing field, as a dotted path.") String path,
    @Required @JsonPropertyDescription("The delivered value, as JSON text.") String desired,
    @JsonPropertyDescription("The value in the cluster, as JSON text; absent when it is missing.")
        String actual,
    @JsonPropertyDescription(
            "Field managers in the cluster, other than the work agent, that own the field.")
        List<String> managers) {}
