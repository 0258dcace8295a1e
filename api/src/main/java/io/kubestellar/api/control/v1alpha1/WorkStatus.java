/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.api.control.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * The status of one delivered object as its cluster reports it, kept in that cluster's mailbox
 * namespace in the ITS. {@code statusDetails} sits beside {@code spec} and {@code status}, as
 * upstream has it.
 */
@Group(ControlGroup.GROUP)
@Version(ControlGroup.VERSION)
@Plural("workstatuses")
@Singular("workstatus")
@ShortNames({"ws", "wss"})
public class WorkStatus extends CustomResource<WorkStatusSpec, ReportedStatus>
    implements Namespaced {

  @JsonProperty("statusDetails")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyDescription(
      "Bookkeeping about the report's freshness. Kept for compatibility; the agent fills in"
          + " fixed values.")
  private StatusDetails statusDetails;

  @JsonProperty("drift")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyDescription(
      "How the object in the cluster differs from what was delivered; absent when it matches."
          + " Written by this project's status add-on only.")
  private Drift drift;

  /** Freshness bookkeeping; {@code null} when absent. */
  public StatusDetails getStatusDetails() {
    return statusDetails;
  }

  /** Replaces the freshness bookkeeping. */
  public void setStatusDetails(StatusDetails statusDetails) {
    this.statusDetails = statusDetails;
  }

  /** How the copy in the cluster differs from what was delivered; {@code null} when it matches. */
  public Drift getDrift() {
    return drift;
  }

  /** Replaces the drift report; {@code null} clears it. */
  public void setDrift(Drift drift) {
    this.drift = drift;
  }
}
