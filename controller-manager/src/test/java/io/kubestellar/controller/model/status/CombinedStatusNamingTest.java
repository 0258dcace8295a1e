/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.model.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubestellar.controller.model.status.CombinedStatusNaming.Subject;
import org.junit.jupiter.api.Test;

class CombinedStatusNamingTest {

  @Test
  void namesTheWorkedExampleLikeUpstream() {
    assertThat(
            CombinedStatusNaming.name(
                "6f1c0d2a-0000-4000-8000-000000000001", "9b7e4c3d-0000-4000-8000-000000000002"))
        .isEqualTo("6f1c0d2a-0000-4000-8000-000000000001.9b7e4c3d-0000-4000-8000-000000000002");
    assertThat(CombinedStatusNaming.namespace("demo")).isEqualTo("demo");
    assertThat(
            CombinedStatusNaming.labels(
                new Subject("apps", "deployments", "demo", "nginx", "nginx-bp")))
        .containsExactly(
            java.util.Map.entry("status.kubestellar.io/api-group", "apps"),
            java.util.Map.entry("status.kubestellar.io/resource", "deployments"),
            java.util.Map.entry("status.kubestellar.io/namespace", "demo"),
            java.util.Map.entry("status.kubestellar.io/name", "nginx"),
            java.util.Map.entry("status.kubestellar.io/binding-policy", "nginx-bp"));
  }

  @Test
  void putsClusterScopedObjectsIntoTheReportNamespaceWithEmptyGroupAndNamespaceLabels() {
    assertThat(CombinedStatusNaming.namespace("")).isEqualTo("kubestellar-report");
    assertThat(CombinedStatusNaming.namespace(null)).isEqualTo("kubestellar-report");
    var labels = CombinedStatusNaming.labels(new Subject(null, "namespaces", null, "team-a", "bp"));
    assertThat(labels)
        .containsEntry("status.kubestellar.io/api-group", "")
        .containsEntry("status.kubestellar.io/namespace", "")
        .hasSize(5);
  }

  @Test
  void refusesEmptyUids() {
    assertThatThrownBy(() -> CombinedStatusNaming.name("", "x"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
