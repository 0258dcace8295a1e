/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.api.control.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
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
import java.util.List;

/**
 * The results of the StatusCollectors that one BindingPolicy applies to one workload object.
 * Namespaced (the object's namespace, or {@code kubestellar-report} for cluster-scoped objects); no
 * spec, no status and no subresources: the data is the top-level {@code results} list. The subject
 * is named by the {@code status.kubestellar.io/*} labels (see {@link
 * io.kubestellar.api.WireNames}).
 */
@Group(ControlGroup.GROUP)
@Version(ControlGroup.VERSION)
@Plural("combinedstatuses")
@Singular("combinedstatus")
@ShortNames("cs")
// Upstream has neither spec nor status here; hide the ones CustomResource declares.
@JsonIgnoreProperties({"spec", "status"})
public class CombinedStatus extends CustomResource<Void, Void> implements Namespaced {

  @JsonProperty("results")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonPropertyDescription("One entry per StatusCollector that applies to the subject object.")
  private List<NamedStatusCombination> results;

  /** The per-collector results; {@code null} when there are none. */
  public List<NamedStatusCombination> getResults() {
    return results;
  }

  /** Replaces the per-collector results. */
  public void setResults(List<NamedStatusCombination> results) {
    this.results = results;
  }
}
