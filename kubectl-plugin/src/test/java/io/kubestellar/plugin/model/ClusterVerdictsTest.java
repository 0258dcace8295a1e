/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.plugin.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubestellar.controller.model.binding.Selector;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterVerdictsTest {

  private static final Map<String, String> CLUSTER2 =
      Map.of("name", "cluster2", "environment", "production");

  @Test
  void namesTheLabelThatDidNotMatch() {
    var verdict =
        ClusterVerdicts.of(List.of(new Selector(Map.of("name", "cluster1"), List.of())), CLUSTER2);
    assertThat(verdict.selected()).isFalse();
    assertThat(verdict.reason())
        .isEqualTo(
            "clusterSelectors[0] (name=cluster1): label name=cluster2, wanted name=cluster1");
  }

  @Test
  void saysWhenTheLabelIsMissing() {
    var selector =
        new Selector(
            Map.of(), List.of(new Selector.Requirement("region", "In", List.of("eu", "us"))));
    assertThat(ClusterVerdicts.of(List.of(selector), CLUSTER2).reason())
        .isEqualTo(
            "clusterSelectors[0] (region in (eu,us)): the cluster has no label region,"
                + " wanted region in (eu,us)");
  }

  @Test
  void namesTheSelectorThatMatched() {
    var verdict =
        ClusterVerdicts.of(
            List.of(
                new Selector(Map.of("name", "cluster1"), List.of()),
                new Selector(Map.of("environment", "production"), List.of())),
            CLUSTER2);
    assertThat(verdict.selected()).isTrue();
    assertThat(verdict.reason()).isEqualTo("matches clusterSelectors[1] (environment=production)");
  }

  @Test
  void anEmptySelectorListSelectsNothing() {
    assertThat(ClusterVerdicts.of(List.of(), CLUSTER2).selected()).isFalse();
  }
}
