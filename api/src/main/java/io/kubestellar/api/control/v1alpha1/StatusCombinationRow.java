/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.api.control.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import java.util.List;

/**
 * One row of a {@link NamedStatusCombination}.
 *
 * @param columns one value per column name
 */
public record StatusCombinationRow(
    @Required @JsonPropertyDescription("One value per column, in column order.")
        List<Value> columns) {}
