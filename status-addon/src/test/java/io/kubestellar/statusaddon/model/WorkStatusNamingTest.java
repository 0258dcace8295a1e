/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.statusaddon.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkStatusNamingTest {

  @ParameterizedTest(name = "{1} {2} {3}/{4}")
  @CsvSource(
      delimiter = '|',
      value = {
        "uid1|apps/v1|Deployment|demo|nginx|uid1-appsv1-deployment-demo-nginx",
        "uid1|v1|Service|demo|web|uid1-v1-service-demo-web",
        "uid1|v1|Namespace||demo|uid1-v1-namespace--demo",
        "uid1|example.com/v1beta1|Widget|shop|blue|uid1-example.comv1beta1-widget-shop-blue",
        "uid1|apiextensions.k8s.io/v1|CustomResourceDefinition||widgets.example.com|"
            + "uid1-apiextensions.k8s.iov1-customresourcedefinition--widgets.example.com",
      })
  void namesAsUpstream(
      String uid, String apiVersion, String kind, String namespace, String name, String expected) {
    assertThat(WorkStatusNaming.name(uid, apiVersion, kind, namespace, name)).isEqualTo(expected);
  }

  @Test
  void sameNamedObjectsInTwoNamespacesGetDistinctNames() {
    assertThat(WorkStatusNaming.name("u", "apps/v1", "Deployment", "a", "web"))
        .isNotEqualTo(WorkStatusNaming.name("u", "apps/v1", "Deployment", "b", "web"));
  }

  @Test
  void cutsLongNamesTo253Characters() {
    var name = "x".repeat(300);
    assertThat(WorkStatusNaming.name("u", "v1", "Namespace", "", name))
        .hasSize(253)
        .startsWith("u-v1-namespace--xxx");
  }

  @Test
  void dropsSeparatorsLeftAtTheEndOfACutName() {
    var prefix = "u-v1-namespace--"; // 16 characters
    var name = "x".repeat(253 - prefix.length() - 2) + "-.yyyy";
    assertThat(WorkStatusNaming.name("u", "v1", "Namespace", "", name)).hasSize(251).endsWith("x");
  }
}
