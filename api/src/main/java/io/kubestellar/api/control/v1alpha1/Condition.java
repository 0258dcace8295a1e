/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.api.control.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.generator.annotation.Required;

/**
 * One observation about an object, in the usual Kubernetes shape. {@code observedGeneration} is our
 * addition to upstream's condition (D8); the other five fields are required as upstream.
 *
 * @param type what the condition is about, e.g. {@code Ready}
 * @param status {@code True}, {@code False} or {@code Unknown}
 * @param reason a CamelCase word saying why
 * @param message text for humans
 * @param lastTransitionTime when {@code status} last changed (RFC 3339)
 * @param observedGeneration the generation of the object this condition was computed from
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@SchemaCustomizer(
    value = DeepMergeSchemaCustomizer.class,
    input =
        "{\"properties\":{\"lastTransitionTime\":{\"format\":\"date-time\"},"
            + "\"observedGeneration\":{\"format\":\"int64\"}}}")
public record Condition(
    @Required
        @JsonPropertyDescription("The aspect this condition reports on, such as Ready or Synced.")
        String type,
    @Required @JsonPropertyDescription("True, False or Unknown.") String status,
    @Required
        @JsonPropertyDescription("A CamelCase word explaining the status, meant for programs.")
        String reason,
    @Required @JsonPropertyDescription("An explanation of the status, meant for people.")
        String message,
    @Required
        @JsonPropertyDescription("The time (RFC 3339) at which the status last changed value.")
        String lastTransitionTime,
    @JsonPropertyDescription(
            "The metadata.generation of the object that this condition was computed from.")
        Long observedGeneration) {

  /** The condition type saying the Binding matches what the policy currently resolves to (D8). */
  public static final String TYPE_SYNCED = "Synced";

  /** The condition type saying all deliveries were written and, once reported, applied (D8). */
  public static final String TYPE_READY = "Ready";

  /** The condition type saying every referenced StatusCollector exists and is valid. */
  public static final String TYPE_STATUS_COLLECTORS_AVAILABLE = "StatusCollectorsAvailable";

  /** Condition status value. */
  public static final String TRUE = "True";

  /** Condition status value. */
  public static final String FALSE = "False";

  /** Condition status value. */
  public static final String UNKNOWN = "Unknown";
}
