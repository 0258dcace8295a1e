/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.statusaddon.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ManifestWorkQualificationTest {

  @Test
  void qualifiesWithATransportLabel() {
    assertThat(
            ManifestWorkQualification.qualifies(
                Map.of("transport.kubestellar.io/originWdsName", "wds1")))
        .isTrue();
  }

  @Test
  void qualifiesWithAManagedByLabel() {
    assertThat(
            ManifestWorkQualification.qualifies(Map.of("managed-by.kubestellar.io/something", "")))
        .isTrue();
  }

  @Test
  void keyPrefixIsEnoughAsUpstreamChecksIt() {
    assertThat(ManifestWorkQualification.qualifies(Map.of("transport.kubestellar.io.extra", "1")))
        .isTrue();
  }

  @Test
  void otherWorksDoNotQualify() {
    assertThat(ManifestWorkQualification.qualifies(Map.of("app", "transport.kubestellar.io")))
        .isFalse();
    assertThat(ManifestWorkQualification.qualifies(Map.of("kubestellar.io/x", "y"))).isFalse();
    assertThat(ManifestWorkQualification.qualifies(Map.of())).isFalse();
    assertThat(ManifestWorkQualification.qualifies(null)).isFalse();
  }

  @Test
  void excludesRbacSecretsConfigMapsAndServiceAccountsOnly() {
    assertThat(
            ExcludedResources.excluded(
                new GroupVersionResource("rbac.authorization.k8s.io", "v1", "roles")))
        .isTrue();
    assertThat(ExcludedResources.excluded(new GroupVersionResource("", "v1", "secrets"))).isTrue();
    assertThat(ExcludedResources.excluded(new GroupVersionResource("", "v1", "configmaps")))
        .isTrue();
    assertThat(ExcludedResources.excluded(new GroupVersionResource("", "v1", "namespaces")))
        .isFalse();
    assertThat(
            ExcludedResources.excluded(
                new GroupVersionResource(
                    "apiextensions.k8s.io", "v1", "customresourcedefinitions")))
        .isFalse();
    assertThat(ExcludedResources.excluded(new GroupVersionResource("example.com", "v1", "secrets")))
        .isFalse();
  }
}
