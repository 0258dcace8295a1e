/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.api.control.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.LabelSelector;
import java.util.List;

/**
 * One "what" clause of a {@link BindingPolicy}: tests on an object (all present tests must pass;
 * inside one list any entry may match) plus flags that modulate how matching objects are delivered
 * and how their status comes back. A clause must set at least one test field.
 *
 * @param apiGroup the object's API group; {@code ""} is the core group, absent means any
 * @param resources lowercase plural resource names; {@code *} means any
 * @param namespaces namespace names; {@code *} means any, including cluster-scoped objects
 * @param namespaceSelectors selectors on the labels of the object's namespace
 * @param objectSelectors selectors on the object's own labels
 * @param objectNames object names; {@code *} means any
 * @param createOnly create in each cluster but never update afterwards
 * @param statusCollectors names of StatusCollectors to evaluate for matching objects
 * @param wantSingletonReportedState copy the status from the single destination back
 * @param wantMultiWECReportedState combine the status of several destinations back
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value =
        "has(self.apiGroup) || has(self.resources) || has(self.namespaces)"
            + " || has(self.namespaceSelectors) || has(self.objectSelectors)"
            + " || has(self.objectNames)",
    message =
        "a downsync clause must set at least one of apiGroup, resources, namespaces,"
            + " namespaceSelectors, objectSelectors, objectNames")
@SchemaCustomizer(
    value = DeepMergeSchemaCustomizer.class,
    input =
        "{\"properties\":{\"namespaceSelectors\":{\"items\":"
            + SchemaPatches.SELECTOR
            + "},\"objectSelectors\":{\"items\":"
            + SchemaPatches.SELECTOR
            + "}}}")
public record DownsyncPolicyClause(
    @JsonPropertyDescription(
            "API group the object must belong to; the empty string is the core group. When"
                + " absent, objects of every group pass.")
        String apiGroup,
    @JsonPropertyDescription(
            "Lowercase plural resource names (such as deployments) the object's resource must be"
                + " one of; \"*\" admits every resource.")
        List<String> resources,
    @JsonPropertyDescription(
            "Namespaces the object must be in; \"*\" admits every namespace and is the only entry"
                + " that lets cluster-scoped objects pass.")
        List<String> namespaces,
    @JsonPropertyDescription(
            "Label selectors of which at least one must match the labels of the object's"
                + " Namespace. Cluster-scoped objects pass only through an empty selector.")
        List<LabelSelector> namespaceSelectors,
    @JsonPropertyDescription(
            "Label selectors of which at least one must match the object's own labels.")
        List<LabelSelector> objectSelectors,
    @JsonPropertyDescription("Names the object's name must be one of; \"*\" admits every name.")
        List<String> objectNames,
    @JsonPropertyDescription(
            "When true, each destination gets the object created if missing and never updated"
                + " afterwards.")
        Boolean createOnly,
    @JsonPropertyDescription(
            "Names of StatusCollector objects whose results are computed for matching objects"
                + " and published in CombinedStatus objects.")
        List<String> statusCollectors,
    @JsonPropertyDescription(
            "When true and the object goes to exactly one cluster, that cluster's copy of the"
                + " object's status is written back into the object here.")
        Boolean wantSingletonReportedState,
    @JsonProperty("wantMultiWECReportedState")
        @JsonPropertyDescription(
            "When true and the object goes to several clusters, a combination of their statuses"
                + " is written back into the object here.")
        Boolean wantMultiWECReportedState) {}
