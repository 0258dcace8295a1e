/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.transport.reconciler.binding;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ManifestWorksMessageTest {

  @Test
  void pointerAddressesOfGoDumpsDoNotMakeTheMessageChangeBetweenRetries() {
    var first =
        "Job.batch \"once\" is invalid: TerminationGracePeriodSeconds:(*int64)(0x2a2d59a06c38)";
    var second =
        "Job.batch \"once\" is invalid: TerminationGracePeriodSeconds:(*int64)(0xc0001b2f40)";
    assertThat(ManifestWorks.stable(first))
        .isEqualTo(ManifestWorks.stable(second))
        .endsWith("(*int64)(…)");
  }

  @Test
  void aShortMessageIsKeptAndALongOneIsCut() {
    assertThat(ManifestWorks.stable("namespaces \"shop\" not found"))
        .isEqualTo("namespaces \"shop\" not found");
    assertThat(ManifestWorks.stable("x".repeat(1000))).hasSize(301).endsWith("…");
  }
}
