/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.plugin.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubestellar.controller.model.binding.ObjectRef;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class DeliveryMatrixTest {

  private static final ObjectRef DEPLOY = new ObjectRef("apps", "deployments", "team", "web");
  private static final ObjectRef CONFIG = new ObjectRef("", "configmaps", "team", "cfg");
  private static final ObjectRef OTHER = new ObjectRef("", "configmaps", "other", "cfg");

  private static BindingFacts binding(
      String name, List<String> clusters, List<String> errors, ObjectRef... refs) {
    var objects = new java.util.HashMap<ObjectRef, String>();
    for (var r : refs) {
      objects.put(r, "v1");
    }
    return new BindingFacts(name, new TreeSet<>(clusters), objects, errors);
  }

  private static final DeliveryFacts FACTS =
      new DeliveryFacts(
          List.of(
              binding("web", List.of("c1", "c2"), List.of(), DEPLOY, CONFIG),
              binding(
                  "other",
                  List.of("c3"),
                  List.of("object ConfigMap(other/cfg) is 600000 bytes of JSON, larger than ..."),
                  OTHER)),
          Map.of(
              new CellKey("c1", DEPLOY), new ManifestFacts("w1", true, true, null),
              new CellKey("c2", DEPLOY), new ManifestFacts("w2", true, true, null),
              new CellKey("c1", CONFIG), new ManifestFacts("w1", null, null, null),
              new CellKey("c2", CONFIG),
                  new ManifestFacts("w2", false, null, "Applied=False: denied")),
          Map.of(
              new CellKey("c2", DEPLOY),
              new ReportFacts("ws", true, "Available=True", "spec.replicas")));

  @Test
  void everyCellGetsTheStateTheItsDescribes() {
    var matrix = DeliveryMatrix.of(FACTS, MatrixFilter.ALL);
    assertThat(matrix.clusters()).containsExactly("c1", "c2", "c3");
    var byObject = new java.util.HashMap<ObjectRef, MatrixRow>();
    matrix.rows().forEach(r -> byObject.put(r.object(), r));
    assertThat(byObject.get(DEPLOY).cells().get("c1").state()).isEqualTo(CellState.AVAILABLE);
    assertThat(byObject.get(DEPLOY).cells().get("c2").state()).isEqualTo(CellState.DRIFTED);
    assertThat(byObject.get(CONFIG).cells().get("c1").state()).isEqualTo(CellState.DELIVERED);
    assertThat(byObject.get(CONFIG).cells().get("c2").state()).isEqualTo(CellState.FAILED);
    assertThat(byObject.get(CONFIG).cells().get("c2").detail()).isEqualTo("Applied=False: denied");
    assertThat(byObject.get(OTHER).cells().get("c3").state()).isEqualTo(CellState.FAILED);
    assertThat(byObject.get(OTHER).cells()).doesNotContainKey("c1");
    assertThat(matrix.summary())
        .isEqualTo(
            "3 objects × 3 clusters, 5 cells: 1 delivered, 1 available, 1 drifted, 2 failed");
  }

  @Test
  void filtersByPolicyNamespaceObjectAndState() {
    assertThat(DeliveryMatrix.of(FACTS, new MatrixFilter("other", null, null, null)).rows())
        .extracting(MatrixRow::object)
        .containsExactly(OTHER);
    assertThat(DeliveryMatrix.of(FACTS, new MatrixFilter(null, "team", null, null)).clusters())
        .containsExactly("c1", "c2");
    var namespace = new ObjectRef("", "namespaces", "", "team");
    var withNamespace =
        new DeliveryFacts(
            List.of(binding("ns", List.of("c1"), List.of(), namespace, OTHER)), Map.of(), Map.of());
    assertThat(DeliveryMatrix.of(withNamespace, new MatrixFilter(null, "team", null, null)).rows())
        .extracting(MatrixRow::object)
        .containsExactly(namespace);
    assertThat(DeliveryMatrix.of(FACTS, new MatrixFilter(null, null, DEPLOY, null)).rows())
        .extracting(MatrixRow::object)
        .containsExactly(DEPLOY);
    assertThat(
            DeliveryMatrix.of(FACTS, new MatrixFilter(null, null, null, Set.of(CellState.DRIFTED)))
                .rows())
        .extracting(MatrixRow::object)
        .containsExactly(DEPLOY);
  }

  @Test
  void aBoundObjectWithoutWorkIsPending() {
    var facts =
        new DeliveryFacts(
            List.of(binding("p", List.of("c1"), List.of(), DEPLOY)), Map.of(), Map.of());
    assertThat(DeliveryMatrix.of(facts, MatrixFilter.ALL).rows().get(0).cells().get("c1").state())
        .isEqualTo(CellState.PENDING);
  }

  @Test
  void aTemplateErrorFailsOnlyItsCluster() {
    var error = "c2/Deployment.apps(team/web).spec.template: no property region";
    var facts =
        new DeliveryFacts(
            List.of(binding("p", List.of("c1", "c2"), List.of(error), DEPLOY)),
            Map.of(
                new CellKey("c1", DEPLOY), new ManifestFacts("w", true, true, null),
                new CellKey("c2", DEPLOY), new ManifestFacts("w", true, true, null)),
            Map.of());
    var cells = DeliveryMatrix.of(facts, MatrixFilter.ALL).rows().get(0).cells();
    assertThat(cells.get("c1").state()).isEqualTo(CellState.AVAILABLE);
    assertThat(cells.get("c2").state()).isEqualTo(CellState.FAILED);
    assertThat(cells.get("c2").detail()).isEqualTo(error);
  }
}
