/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.model.binding;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class BindingSizeTest {

  private static BindingContent configMaps(int count, int nameLength) {
    var objects = new TreeMap<ObjectRef, BoundObject>();
    for (int i = 0; i < count; i++) {
      var name = String.format("%0" + nameLength + "d", i);
      objects.put(
          new ObjectRef("", "configmaps", "big", name),
          new BoundObject("v1", "12345", Modulation.NONE));
    }
    return new BindingContent(new TreeSet<>(Set.of("cluster1", "cluster2")), objects);
  }

  @Test
  void estimatesTheLengthOfTheSpecJson() throws Exception {
    var content = configMaps(50, 200);
    var entries = new ArrayList<Map<String, Object>>();
    for (var ref : content.objects().keySet()) {
      var e = new LinkedHashMap<String, Object>();
      e.put("group", "");
      e.put("version", "v1");
      e.put("resource", "configmaps");
      e.put("namespace", "big");
      e.put("name", ref.name());
      e.put("resourceVersion", "12345");
      entries.add(e);
    }
    var spec =
        Map.of(
            "workload",
            Map.of("clusterScope", List.of(), "namespaceScope", entries),
            "destinations",
            List.of(Map.of("clusterId", "cluster1"), Map.of("clusterId", "cluster2")));
    long actual = new ObjectMapper().writeValueAsString(spec).length();
    assertThat(BindingSize.specBytes(content)).isBetween(actual, actual + 100);
  }

  @Test
  void aBindingUnderTheLimitIsWritten() {
    assertThat(BindingSize.check(configMaps(1000, 200), BindingSize.ETCD_LIMIT_BYTES)).isEmpty();
  }

  @Test
  void aBindingOverTheLimitIsReportedWithItsSizeAndWhatToDo() {
    var outcome = BindingSize.check(configMaps(6000, 200), BindingSize.ETCD_LIMIT_BYTES);
    assertThat(outcome)
        .hasValueSatisfying(
            o -> {
              assertThat(o.synced()).isFalse();
              assertThat(o.reason()).isEqualTo("BindingTooLarge");
              assertThat(o.message())
                  .matches("The Binding would be about \\d+ bytes, over the 1572864-byte .*")
                  .contains("it lists 6000 objects for 2 clusters")
                  .contains("Split the policy into several policies");
            });
  }
}
