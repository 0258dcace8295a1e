/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.statusaddon.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkManifestsTest {

  private static final GroupVersionResource DEPLOYMENTS =
      new GroupVersionResource("apps", "v1", "deployments");

  @SuppressWarnings("unchecked")
  private static WorkManifests work(String yaml) throws Exception {
    return WorkManifests.fromSpec(new ObjectMapper(new YAMLFactory()).readValue(yaml, Map.class));
  }

  private static final String SPEC =
      """
      workload:
        manifests:
        - {apiVersion: v1, kind: Namespace, metadata: {name: shop}}
        - {apiVersion: apps/v1, kind: Deployment, metadata: {name: web, namespace: shop}}
        - {apiVersion: apps/v1, kind: Deployment, metadata: {name: db, namespace: shop}}
      manifestConfigs:
      - resourceIdentifier: {group: apps, resource: deployments, namespace: shop, name: db}
        updateStrategy: {type: CreateOnly}
      - resourceIdentifier: {group: apps, resource: deployments, namespace: "*", name: "*"}
        updateStrategy:
          type: ServerSideApply
          serverSideApply: {fieldManager: work-agent-kubestellar, force: true}
      """;

  @Test
  void findsTheManifestByGroupKindNamespaceAndName() throws Exception {
    var work = work(SPEC);

    assertThat(work.manifestFor("apps", "Deployment", "shop", "web"))
        .containsEntry("kind", "Deployment")
        .extractingByKey("metadata")
        .isEqualTo(Map.of("name", "web", "namespace", "shop"));
    assertThat(work.manifestFor("", "Namespace", "", "shop")).isNotNull();
    assertThat(work.manifestFor("apps", "Deployment", "other", "web")).isNull();
    assertThat(work.manifestFor("extensions", "Deployment", "shop", "web")).isNull();
  }

  @Test
  void theFirstMatchingManifestConfigDecidesTheStrategy() throws Exception {
    var work = work(SPEC);

    assertThat(work.updateStrategy(DEPLOYMENTS, "shop", "db")).isEqualTo("CreateOnly");
    assertThat(work.enforced(DEPLOYMENTS, "shop", "db")).isFalse();
    assertThat(work.updateStrategy(DEPLOYMENTS, "shop", "web")).isEqualTo("ServerSideApply");
    assertThat(work.enforced(DEPLOYMENTS, "shop", "web")).isTrue();
    assertThat(work.updateStrategy(new GroupVersionResource("", "v1", "namespaces"), "", "shop"))
        .isEqualTo("Update");
  }

  @Test
  void wildcardsMatchAnyRun() {
    assertThat(WorkManifests.matches("*", "")).isTrue();
    assertThat(WorkManifests.matches("web-*", "web-1")).isTrue();
    assertThat(WorkManifests.matches("web-*", "db-1")).isFalse();
    assertThat(WorkManifests.matches("a.b", "axb")).isFalse();
  }

  @Test
  void anEmptySpecDeliversNothing() {
    assertThat(WorkManifests.fromSpec(null).manifestFor("", "Namespace", "", "x")).isNull();
  }
}
