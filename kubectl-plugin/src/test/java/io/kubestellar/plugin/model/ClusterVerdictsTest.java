/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.plugin.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubestellar.controller.model.binding.Selector;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Cluster selectors, and what the verdict for cluster2 says about them. */
class ClusterVerdictsTest {

  private static final Map<String, String> CLUSTER2 =
      Map.of("name", "cluster2", "environment", "production");

  static Stream<Arguments> verdicts() {
    return Stream.of(
        verdict(
            "names the label that did not match",
            List.of(new Selector(Map.of("name", "cluster1"), List.of())),
            false,
            "clusterSelectors[0] (name=cluster1): label name=cluster2, wanted name=cluster1"),
        verdict(
            "says when the label is missing",
            List.of(
                new Selector(
                    Map.of(),
                    List.of(new Selector.Requirement("region", "In", List.of("eu", "us"))))),
            false,
            "clusterSelectors[0] (region in (eu,us)): the cluster has no label region,"
                + " wanted region in (eu,us)"),
        verdict(
            "names the selector that matched",
            List.of(
                new Selector(Map.of("name", "cluster1"), List.of()),
                new Selector(Map.of("environment", "production"), List.of())),
            true,
            "matches clusterSelectors[1] (environment=production)"),
        verdict(
            "an empty selector list selects nothing",
            List.of(),
            false,
            "spec.clusterSelectors is empty, so no cluster is selected"));
  }

  private static Arguments verdict(
      String behaviour, List<Selector> selectors, boolean selected, String reason) {
    return Arguments.of(behaviour, selectors, selected, reason);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("verdicts")
  void saysWhetherAndWhyTheClusterIsSelected(
      String behaviour, List<Selector> selectors, boolean selected, String reason) {
    var verdict = ClusterVerdicts.of(selectors, CLUSTER2);
    assertThat(verdict.selected()).isEqualTo(selected);
    assertThat(verdict.reason()).isEqualTo(reason);
  }
}
