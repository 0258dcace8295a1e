/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.statusaddon.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReportingWorkTest {

  @Test
  void firstKnownOwnerWins() {
    assertThat(
            ReportingWork.choose(
                List.of("gone", "b", "a"), Set.of("a", "b")::contains, List.of("a")))
        .contains("b");
  }

  @Test
  void withoutOwnersTheFirstListingWorkByNameWins() {
    assertThat(ReportingWork.choose(List.of(), n -> true, List.of("z", "m"))).contains("m");
  }

  @Test
  void noOwnerAndNoListingMeansNoWorkStatus() {
    assertThat(ReportingWork.choose(List.of("gone"), n -> false, List.of())).isEmpty();
  }

  @Test
  void objectKeysRoundTripThroughIndexText() {
    var key = ObjectKey.of("", "v1", "namespaces", "", "demo");
    assertThat(ObjectKey.parse(key.indexValue())).contains(key);
    assertThat(ObjectKey.parse("apps/v1/deployments/ns")).isEmpty();
  }

  @Test
  void jsonNumbersCompareByValue() {
    assertThat(JsonValues.equal(List.of(1, 2.5), List.of(1L, 2.5))).isTrue();
    assertThat(JsonValues.equal(3, 3.0)).isTrue();
    assertThat(JsonValues.equal(java.util.Map.of("a", 1), java.util.Map.of("a", 2))).isFalse();
    assertThat(JsonValues.equal(java.util.Map.of("a", 1), java.util.Map.of("b", 1))).isFalse();
    assertThat(JsonValues.equal(null, java.util.Map.of())).isFalse();
    assertThat(JsonValues.equal("1", 1)).isFalse();
  }
}
