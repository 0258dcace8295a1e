/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.api.control.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import java.util.List;

/**
 * The objects of a {@link Binding}, split by scope.
 *
 * @param clusterScope cluster-scoped objects, unique by (group, resource, name)
 * @param namespaceScope namespaced objects, unique by (group, resource, namespace, name)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@SchemaCustomizer(
    value = DeepMergeSchemaCustomizer.class,
    input =
        "{\"properties\":{"
            + "\"clusterScope\":{\"x-kubernetes-list-type\":\"map\","
            + "\"x-kubernetes-list-map-keys\":[\"group\",\"resource\",\"name\"]},"
            + "\"namespaceScope\":{\"x-kubernetes-list-type\":\"map\","
            + "\"x-kubernetes-list-map-keys\":[\"group\",\"resource\",\"namespace\",\"name\"]}}}")
public record DownsyncObjectClauses(
    @JsonPropertyDescription(
            "Selected cluster-scoped objects; group, resource and name identify an entry.")
        List<ClusterScopeDownsyncClause> clusterScope,
    @JsonPropertyDescription(
            "Selected namespaced objects; group, resource, namespace and name identify an entry.")
        List<NamespaceScopeDownsyncClause> namespaceScope) {}
