/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.api.control.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.generator.annotation.Required;
import java.util.List;

/**
 * How the copy of a delivered object in its cluster differs from what was delivered (D16). Written
 * by the status add-on on the object's {@link WorkStatus} while the difference lasts; absent when
 * the copy matches.
 *
 * @param fields the differing fields, at most {@link #MAX_FIELDS}, in path order
 * @param moreFields how many differing fields are not listed
 * @param detectedTime when the difference was first seen (RFC 3339)
 * @param repairRequests how many times the work agent was asked to re-apply the object for this
 *     difference
 * @param conflict whether the same fields keep coming back after repairs: another writer in the
 *     cluster sets them (see {@code message})
 * @param message one line saying what is being done about it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@SchemaCustomizer(
    value = DeepMergeSchemaCustomizer.class,
    input = "{\"properties\":{\"detectedTime\":{\"format\":\"date-time\"}}}")
public record Drift(
    @Required
        @JsonPropertyDescription("The fields whose value in the cluster is not the delivered one.")
        List<DriftField> fields,
    @JsonPropertyDescription("How many more differing fields there are than are listed.")
        Integer moreFields,
    @Required @JsonPropertyDescription("When the difference was first seen (RFC 3339).")
        String detectedTime,
    @JsonPropertyDescription(
            "How many times the work agent has been asked to re-apply the object for this"
                + " difference.")
        Integer repairRequests,
    @JsonPropertyDescription(
            "True when the difference keeps coming back after repairs, because another writer in"
                + " the cluster sets the same fields.")
        Boolean conflict,
    @JsonPropertyDescription("What is being done about the difference.") String message) {

  /** At most this many fields are listed. */
  public static final int MAX_FIELDS = 10;
}
