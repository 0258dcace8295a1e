/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.api.control.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/**
 * Identifies one object in a cluster.
 *
 * @param group API group ({@code ""} for core)
 * @param version API version
 * @param resource lowercase plural resource
 * @param kind kind
 * @param namespace namespace ({@code ""} when cluster-scoped)
 * @param name name
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SourceRef(
    @Required @JsonPropertyDescription("API group of the object; empty for the core group.")
        String group,
    @JsonPropertyDescription("API version of the object.") String version,
    @JsonPropertyDescription("Lowercase plural resource of the object.") String resource,
    @JsonPropertyDescription("Kind of the object.") String kind,
    @Required @JsonPropertyDescription("Namespace of the object; empty when it is cluster-scoped.")
        String namespace,
    @JsonPropertyDescription("Name of the object.") String name) {}
