/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.plugin.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class WecProjectionTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void leavesOutStatusDefaultsAndServerMetadataButKeepsEdits() throws Exception {
    var sent =
        JSON.readTree(
            """
            {"apiVersion":"apps/v1","kind":"Deployment",
             "metadata":{"name":"web","namespace":"team","labels":{"app":"web"}},
             "spec":{"replicas":2,"template":{"spec":{"containers":[{"name":"c","image":"nginx"}]}}}}
            """);
    var wec =
        JSON.readTree(
            """
            {"apiVersion":"apps/v1","kind":"Deployment",
             "metadata":{"name":"web","namespace":"team","uid":"u","resourceVersion":"9",
                         "labels":{"app":"web","extra":"x"}},
             "spec":{"replicas":5,"progressDeadlineSeconds":600,
                     "template":{"spec":{"containers":[
                        {"name":"sidecar","image":"envoy"},
                        {"name":"c","image":"nginx","imagePullPolicy":"Always"}]}}},
             "status":{"replicas":5}}
            """);
    assertThat(WecProjection.project(sent, wec))
        .isEqualTo(
            JSON.readTree(
                """
                {"apiVersion":"apps/v1","kind":"Deployment",
                 "metadata":{"name":"web","namespace":"team","labels":{"app":"web"}},
                 "spec":{"replicas":5,"template":{"spec":{"containers":[
                    {"name":"c","image":"nginx"},{"name":"sidecar","image":"envoy"}]}}}}
                """));
  }

  @Test
  void aMissingFieldStaysMissing() throws Exception {
    var sent = JSON.readTree("{\"data\":{\"a\":\"1\",\"b\":\"2\"}}");
    var wec = JSON.readTree("{\"data\":{\"a\":\"1\"}}");
    assertThat(WecProjection.project(sent, wec))
        .isEqualTo(JSON.readTree("{\"data\":{\"a\":\"1\"}}"));
  }
}
