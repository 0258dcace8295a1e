/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.transport.model.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClusterPropertiesTest {

  @Test
  void configMapBeatsAnnotationsBeatsLabelsBeatsClusterName() {
    var labels = Map.of("region", "label-region", "zone", "label-zone", "tier", "label-tier");
    var annotations = Map.of("zone", "annotation-zone", "tier", "annotation-tier");
    var data = Map.of("tier", "data-tier", "clusterName", "renamed");

    var properties = ClusterProperties.collect("c1", labels, annotations, data, null);

    assertThat(properties.values())
        .isEqualTo(
            Map.of(
                "clusterName", "renamed",
                "region", "label-region",
                "zone", "annotation-zone",
                "tier", "data-tier"));
  }

  @Test
  void binaryDataIsDecodedAndBeatsData() {
    var encoded =
        Base64.getEncoder().encodeToString("from-bytes ü".getBytes(StandardCharsets.UTF_8));

    var properties =
        ClusterProperties.collect(
            "c1", null, null, Map.of("blob", "from-data"), Map.of("blob", encoded));

    assertThat(properties.values()).containsEntry("blob", "from-bytes ü");
  }

  @Test
  void keysThatAreNotGoIdentifiersAreIgnored() {
    var labels =
        Map.of(
            "app.kubernetes.io/name", "a",
            "region-code", "b",
            "1st", "c",
            "type", "d",
            "_ok", "e",
            "größe2", "f");

    var properties = ClusterProperties.collect("c9", labels, Map.of(), Map.of(), Map.of());

    assertThat(properties.values()).containsOnlyKeys("clusterName", "_ok", "größe2");
  }

  @ParameterizedTest
  @CsvSource({
    "clusterName,true",
    "_,true",
    "a1,true",
    "x_y,true",
    "Ünïcode,true",
    "1a,false",
    "a-b,false",
    "a.b,false",
    "func,false",
    "range,false",
    "map,false",
    "Map,true",
    "'',false"
  })
  void recognisesGoIdentifiers(String key, boolean identifier) {
    assertThat(GoIdentifiers.isIdentifier(key)).isEqualTo(identifier);
  }
}
