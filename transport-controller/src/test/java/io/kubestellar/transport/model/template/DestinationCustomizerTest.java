/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.transport.model.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubestellar.transport.model.GoldenCases;
import io.kubestellar.transport.model.Wrapee;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DestinationCustomizerTest {

  private static final String EXPAND =
      "annotations: {control.kubestellar.io/expand-templates: \"true\"}";

  private final List<String> asked = new ArrayList<>();
  private final Map<String, Map<String, String>> properties =
      Map.of(
          "c1", Map.of("clusterName", "c1", "region", "eu"),
          "c2", Map.of("clusterName", "c2"),
          "c3", Map.of("clusterName", "c3"));
  private final DestinationCustomizer customizer =
      new DestinationCustomizer(
          cluster -> {
            asked.add(cluster);
            return properties.get(cluster);
          });

  private static Wrapee wrapee(String name, String metadataExtra, String data) throws Exception {
    var yaml =
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: "
            + name
            + ", namespace: ns"
            + (metadataExtra.isEmpty() ? "" : ", " + metadataExtra)
            + "}\ndata: {v: \""
            + data
            + "\"}\n";
    return new Wrapee(
        (ObjectNode) GoldenCases.YAML.readTree(yaml), "uid-" + name, "configmaps", false);
  }

  private static String value(Wrapee wrapee) {
    return wrapee.object().get("data").get("v").textValue();
  }

  @Test
  void sharesObjectsWhenNothingNeedsCustomization() throws Exception {
    var plain = wrapee("plain", "", "{{.region}}");
    var annotatedWithoutTemplates = wrapee("annotated", EXPAND, "static");

    var result =
        customizer.customize(List.of(plain, annotatedWithoutTemplates), List.of("c1", "c2"));

    assertThat(result.customized()).isFalse();
    assertThat(result.objectsFor("c1")).containsExactly(plain, annotatedWithoutTemplates);
    assertThat(result.objectsFor("c2")).containsExactly(plain, annotatedWithoutTemplates);
    assertThat(result.errors()).isEmpty();
    assertThat(result.sensitiveDestinations()).isEmpty();
    assertThat(asked).as("only the first destination is consulted").containsExactly("c1");
  }

  @Test
  void customizesPerDestinationAndReportsOnlyTheFirstFailingDestination() throws Exception {
    var first = wrapee("first", "", "same");
    var templated = wrapee("templated", EXPAND, "{{.clusterName}}-{{.region}}");

    var result = customizer.customize(List.of(first, templated), List.of("c1", "c2", "c3"));

    assertThat(result.customized()).isTrue();
    assertThat(result.objectsFor("c1")).first().isEqualTo(first);
    assertThat(result.objectsFor("c1").stream().map(DestinationCustomizerTest::value))
        .containsExactly("same", "c1-eu");
    assertThat(result.objectsFor("c2").stream().map(DestinationCustomizerTest::value))
        .containsExactly("same", "c2-");
    assertThat(result.objectsFor("c3").stream().map(DestinationCustomizerTest::value))
        .containsExactly("same", "c3-");
    assertThat(result.objectsFor("c2").get(1).uid()).isEqualTo("uid-templated");
    assertThat(result.errors())
        .containsExactly(
            "template: c2/ConfigMap(ns/templated).data.v:1:19: executing"
                + " \"c2/ConfigMap(ns/templated).data.v\" at <.region>: map has no entry for key"
                + " \"region\"");
    assertThat(result.failed()).isTrue();
    assertThat(result.sensitiveDestinations()).containsExactly("c1", "c2", "c3");
    assertThat(value(templated)).as("input untouched").isEqualTo("{{.clusterName}}-{{.region}}");
  }
}
