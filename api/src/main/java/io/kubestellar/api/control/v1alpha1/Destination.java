/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.api.control.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/**
 * One cluster an object goes to.
 *
 * @param clusterId the name of the cluster's OCM ManagedCluster (and of its mailbox namespace)
 */
public record Destination(
    @Required
        @JsonPropertyDescription(
            "Name of the inventory cluster (the OCM ManagedCluster, which is also the name of its"
                + " mailbox namespace in the ITS).")
        String clusterId) {}
