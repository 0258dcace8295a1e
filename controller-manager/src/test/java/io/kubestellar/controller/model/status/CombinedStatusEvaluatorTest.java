/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.model.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden cases: {@code in.yaml} holds the workload object, the destinations with what they
 * returned, and the collectors; {@code out.yaml} the expected {@code results} as JSON/YAML.
 */
class CombinedStatusEvaluatorTest {

  private static final CombinedStatusEvaluator EVALUATOR =
      new CombinedStatusEvaluator(new CollectorExpressions());

  static Stream<Named<Path>> cases() {
    return GoldenFiles.cases(CombinedStatusEvaluatorTest.class).stream()
        .map(dir -> Named.of(dir.getFileName().toString(), dir));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void producesTheExpectedResults(Path dir) throws Exception {
    var in = GoldenFiles.read(dir.resolve("in.yaml"));
    var expected = GoldenFiles.read(dir.resolve("out.yaml"));

    var results = EVALUATOR.evaluateAll(in.get("object"), destinations(in), collectors(in));

    var actual = GoldenFiles.JSON.createObjectNode();
    actual.set("results", GoldenFiles.tree(results));
    assertThat(GoldenFiles.yaml(actual)).isEqualTo(GoldenFiles.yaml(expected));
    // Reading the JSON back gives equal results, so a reconciler can compare what it stored.
    var reread =
        GoldenFiles.JSON.readerForListOf(CollectorResult.class).readValue(actual.get("results"));
    assertThat(CombinedStatusEquality.sameResults(results, castResults(reread))).isTrue();
  }

  @SuppressWarnings("unchecked")
  private static List<CollectorResult> castResults(Object list) {
    return (List<CollectorResult>) list;
  }

  static List<Destination> destinations(JsonNode in) {
    var list = new ArrayList<Destination>();
    for (var d : in.path("destinations")) {
      var inventory = new LinkedHashMap<String, String>();
      d.path("inventory")
          .properties()
          .forEach(e -> inventory.put(e.getKey(), e.getValue().asText()));
      var status = d.get("status");
      var time =
          d.hasNonNull("lastReturnedUpdateTime")
              ? Instant.parse(d.get("lastReturnedUpdateTime").asText())
              : null;
      list.add(
          new Destination(
              d.get("clusterId").asText(),
              inventory,
              status == null ? null : (ObjectNode) status,
              time));
    }
    return list;
  }

  static List<StatusCollectorDefinition> collectors(JsonNode in) throws Exception {
    var list = new ArrayList<StatusCollectorDefinition>();
    for (var c : in.path("collectors")) {
      list.add(GoldenFiles.YAML.treeToValue(c, StatusCollectorDefinition.class));
    }
    return list;
  }
}
