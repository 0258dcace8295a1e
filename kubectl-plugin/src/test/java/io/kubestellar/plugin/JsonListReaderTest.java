/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JsonListReaderTest {

  @Test
  void readsTheItemsWithOnlyTheKeptMembers() throws Exception {
    var list =
        """
        {"kind":"List","metadata":{"resourceVersion":"9"},
         "items":[
           {"metadata":{"name":"a","managedFields":[{"manager":"x"}]},
            "spec":{"n":1,"f":0.5,"ok":true,"none":null,"tags":["t",{"k":"v"}]}},
           {"metadata":{"name":"b"}}]}
        """;
    var items =
        JsonListReader.items(
            new ByteArrayInputStream(list.getBytes(StandardCharsets.UTF_8)),
            Set.of("metadata.name", "spec"));
    var json = new ObjectMapper();
    assertThat(items)
        .containsExactly(
            json.readTree(
                """
                {"metadata":{"name":"a"},
                 "spec":{"n":1,"f":0.5,"ok":true,"none":null,"tags":["t",{"k":"v"}]}}
                """),
            json.readTree("{\"metadata\":{\"name\":\"b\"}}"));
  }

  @Test
  void keepsPathsThroughArraysElementByElement() throws Exception {
    var list =
        """
        {"items":[
          {"metadata":{"name":"w","labels":{"a":"b"}},
           "spec":{"workload":{"manifests":[
             {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c","uid":"u"},"data":{"x":"y"}},
             {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"d","namespace":"n"},
              "spec":{"replicas":2}}]}},
           "status":{"conditions":[{"type":"Applied","status":"True"}],"other":1}}]}
        """;
    var items =
        JsonListReader.items(
            new ByteArrayInputStream(list.getBytes(StandardCharsets.UTF_8)),
            DeliveryFactsReader.WORK_FIELDS);
    assertThat(items)
        .containsExactly(
            new ObjectMapper()
                .readTree(
                    """
                    {"metadata":{"name":"w"},
                     "spec":{"workload":{"manifests":[
                       {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c"}},
                       {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"d","namespace":"n"}}]}},
                     "status":{"conditions":[{"type":"Applied","status":"True"}]}}
                    """));
  }
}
