/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.api.control.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/**
 * An expression that failed for one cluster.
 *
 * @param wec the cluster
 * @param columnName the failing column; {@code ""} for the filter
 * @param error what went wrong
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RowError(
    @Required @JsonPropertyDescription("The cluster whose report made the expression fail.")
        Destination wec,
    @Required
        @JsonPropertyDescription("Column whose expression failed; the empty string is the filter.")
        String columnName,
    @Required @JsonPropertyDescription("What went wrong.") String error) {}
