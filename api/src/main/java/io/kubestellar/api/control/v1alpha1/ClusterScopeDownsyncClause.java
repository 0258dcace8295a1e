/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.api.control.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import java.util.List;

/**
 * One cluster-scoped object of a {@link Binding} and how to deliver it.
 *
 * @param group API group ({@code ""} for core)
 * @param version API version the object was read at
 * @param resource lowercase plural resource
 * @param name object name
 * @param resourceVersion the object's resourceVersion when recorded (a change trigger)
 * @param createOnly create but never update in destinations
 * @param statusCollectors StatusCollector names for this object, sorted
 * @param wantSingletonReportedState return the single destination's status
 * @param wantMultiWECReportedState return a combination of several destinations' status
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClusterScopeDownsyncClause(
    @Required @JsonPropertyDescription("API group of the object; empty for the core group.")
        String group,
    @Required @JsonPropertyDescription("API version at which the object is read.") String version,
    @Required @JsonPropertyDescription("Lowercase plural name of the object's resource.")
        String resource,
    @Required @JsonPropertyDescription("Name of the object.") String name,
    @Required
        @JsonPropertyDescription(
            "The object's metadata.resourceVersion when it was recorded here; a change makes the"
                + " transport deliver the object again.")
        String resourceVersion,
    @JsonPropertyDescription("Create the object in destinations but never update it there.")
        Boolean createOnly,
    @JsonPropertyDescription("Names of StatusCollectors that apply to this object.")
        List<String> statusCollectors,
    @JsonPropertyDescription("Return the status from the single destination to this object.")
        Boolean wantSingletonReportedState,
    @JsonProperty("wantMultiWECReportedState")
        @JsonPropertyDescription("Return a combination of several destinations' statuses.")
        Boolean wantMultiWECReportedState) {}
