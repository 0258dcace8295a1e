/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.api.control.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * Which object a {@link WorkStatus} reports on.
 *
 * @param sourceRef the object in the cluster
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WorkStatusSpec(
    @JsonPropertyDescription("The object, in the reporting cluster, whose status is copied here.")
        SourceRef sourceRef) {}
