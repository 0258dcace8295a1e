/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.api.control.v1alpha1;

import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * CEL expressions that summarise, per workload object, the statuses its clusters reported; results
 * land in {@link CombinedStatus} objects. Cluster-scoped.
 */
@Group(ControlGroup.GROUP)
@Version(ControlGroup.VERSION)
@Plural("statuscollectors")
@Singular("statuscollector")
@ShortNames("sc")
public class StatusCollector
    extends NamedClusterResource<StatusCollectorSpec, StatusCollectorStatus> {

  /** An empty object, for Jackson and the fabric8 client. */
  public StatusCollector() {}

  /** A collector with the given name and spec. */
  public StatusCollector(String name, StatusCollectorSpec spec) {
    super(name, spec);
  }
}
