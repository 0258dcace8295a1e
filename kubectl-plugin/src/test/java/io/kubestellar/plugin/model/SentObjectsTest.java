/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.plugin.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubestellar.transport.model.customtransform.CustomTransformInput;
import io.kubestellar.transport.model.work.BundlingLimits;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SentObjectsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void cleansTransformsAndExpandsForTheCluster() throws Exception {
    var wds =
        JSON.readTree(
            """
            {"apiVersion":"v1","kind":"ConfigMap",
             "metadata":{"name":"cfg","namespace":"team","uid":"u1","resourceVersion":"7",
               "annotations":{"control.kubestellar.io/expand-templates":"true"}},
             "data":{"where":"{{.clusterName}}","secret":"s"},
             "status":{"x":1}}
            """);
    var transform =
        new CustomTransformInput("drop-secret", 1, "", "configmaps", List.of("$.data.secret"));
    var sent =
        new SentObjects(BundlingLimits.DEFAULTS)
            .render(
                wds,
                "configmaps",
                List.of(transform),
                "cluster1",
                Map.of("clusterName", "cluster1"));
    assertThat(sent.object())
        .isEqualTo(
            JSON.readTree(
                """
                {"apiVersion":"v1","kind":"ConfigMap",
                 "metadata":{"name":"cfg","namespace":"team",
                   "annotations":{"control.kubestellar.io/expand-templates":"true"}},
                 "data":{"where":"cluster1"}}
                """));
    assertThat(sent.templateErrors()).isEmpty();
    assertThat(sent.tooLarge()).isNull();
  }

  @Test
  void reportsTemplateErrorsAndObjectsTooLarge() throws Exception {
    var wds =
        JSON.readTree(
            """
            {"apiVersion":"v1","kind":"ConfigMap",
             "metadata":{"name":"cfg","namespace":"team",
               "annotations":{"control.kubestellar.io/expand-templates":"true"}},
             "data":{"where":"{{.region}}"}}
            """);
    var sent =
        new SentObjects(new BundlingLimits(10, 100))
            .render(wds, "configmaps", List.of(), "c1", Map.of());
    assertThat(sent.templateErrors()).hasSize(1);
    assertThat(sent.tooLarge()).contains("larger than the 100-byte limit");
  }
}
