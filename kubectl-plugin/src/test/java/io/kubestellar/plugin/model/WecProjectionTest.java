/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.plugin.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

class WecProjectionTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void leavesOutStatusDefaultsAndServerMetadataButKeepsEdits() {
    var sent =
        json(
            """
            {"apiVersion":"apps/v1","kind":"Deployment",
             "metadata":{"name":"web","namespace":"team","labels":{"app":"web"}},
             "spec":{"replicas":2,"template":{"spec":{"containers":[{"name":"c","image":"nginx"}]}}}}
            """);
    var wec =
        json(
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
            json(
                """
                {"apiVersion":"apps/v1","kind":"Deployment",
                 "metadata":{"name":"web","namespace":"team","labels":{"app":"web"}},
                 "spec":{"replicas":5,"template":{"spec":{"containers":[
                    {"name":"c","image":"nginx"},{"name":"sidecar","image":"envoy"}]}}}}
                """));
  }

  @Test
  void aMissingFieldStaysMissing() {
    var sent = json("{\"data\":{\"a\":\"1\",\"b\":\"2\"}}");
    var wec = json("{\"data\":{\"a\":\"1\"}}");
    assertThat(WecProjection.project(sent, wec)).isEqualTo(json("{\"data\":{\"a\":\"1\"}}"));
  }

  @Test
  void comparesWithoutTimestampsNullsAndEmptyMaps() {
    var sent =
        json(
            """
            {"metadata":{"name":"s","annotations":{},"creationTimestamp":"2026-01-01T00:00:00Z"},
             "spec":{"ports":[{"port":80,"nodePort":null}]}}
            """);
    assertThat(WecProjection.comparable(sent))
        .isEqualTo(json("{\"metadata\":{\"name\":\"s\"},\"spec\":{\"ports\":[{\"port\":80}]}}"));
  }
}
