/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.runtime;

import io.kubestellar.runtime.controller.LeaderElection;

/**
 * What every binary that controls one WDS is configured with (controller-manager,
 * transport-controller): the WDS's name, how to reach the WDS and its ITS, and the Lease its
 * replicas compete for.
 *
 * @param wdsName name of the WDS; goes into labels and ManifestWork names, so a DNS label
 * @param wds how to reach the WDS
 * @param its how to reach the ITS
 * @param leaderElection the Lease in the WDS, with this replica's identity (also the reporting
 *     instance of its Events)
 */
public record WdsControllerSettings(
    String wdsName, SpaceOptions wds, SpaceOptions its, LeaderElection leaderElection) {

  public WdsControllerSettings {
    ConfigChecks.dnsLabel("--wds-name", wdsName, "lowercase letters, digits, '-', at most 63");
  }
}
