/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.api.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubeapitest.junit.EnableKubeAPIServer;
import io.fabric8.kubeapitest.junit.KubeConfig;
import org.junit.jupiter.api.Test;

/**
 * {@code @EnableKubeAPIServer} starts an API server from the binaries hack/build-tools.sh built,
 * with no network (see {@link KubeApiServerBinaries} for how).
 */
@RequiresKubeApiServerBinaries
@EnableKubeAPIServer
class OfflineKubeApiServerIT {

  @KubeConfig static String kubeConfig;

  @Test
  void startsTheLocallyBuiltApiServer() {
    try (var client = TestApiServer.client(kubeConfig)) {
      assertThat(client.getKubernetesVersion().getGitVersion())
          .isEqualTo("v" + KubeApiServerBinaries.version());
    }
  }
}
