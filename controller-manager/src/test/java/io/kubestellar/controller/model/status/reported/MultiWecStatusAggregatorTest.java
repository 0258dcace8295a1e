/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.model.status.reported;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Golden D10 cases: {@code in.yaml} (group, kind, wecs) → {@code out.yaml} (status). */
class MultiWecStatusAggregatorTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  static Stream<Named<Path>> cases() throws Exception {
    var root =
        Path.of(
            MultiWecStatusAggregatorTest.class
                .getResource("/MultiWecStatusAggregatorTest")
                .toURI());
    try (var dirs = Files.list(root)) {
      return dirs
          .filter(Files::isDirectory)
          .sorted()
          .map(d -> Named.of(d.getFileName().toString(), d))
          .toList()
          .stream();
    }
  }

  static List<WecStatus> wecs(JsonNode in) {
    var list = new ArrayList<WecStatus>();
    for (var wec : in.path("wecs")) {
      var status = wec.get("status");
      list.add(new WecStatus(wec.get("clusterId").asText(), (ObjectNode) status));
    }
    return list;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void aggregatesAsTheWorstWec(Path dir) throws Exception {
    var in = YAML.readTree(dir.resolve("in.yaml").toFile());
    var expected = YAML.readTree(dir.resolve("out.yaml").toFile()).get("status");

    var actual =
        MultiWecStatusAggregator.aggregate(
            in.get("group").asText(), in.get("kind").asText(), wecs(in));

    assertThat(YAML.writeValueAsString(actual)).isEqualTo(YAML.writeValueAsString(expected));
  }

  @Test
  void givesTheSameResultWhateverTheOrderOfWecs() throws Exception {
    var in =
        YAML.readTree(
            Path.of(
                    MultiWecStatusAggregatorTest.class
                        .getResource("/MultiWecStatusAggregatorTest/deployment/in.yaml")
                        .toURI())
                .toFile());
    var forward = wecs(in);
    var backward = new ArrayList<>(forward);
    java.util.Collections.reverse(backward);
    assertThat(MultiWecStatusAggregator.aggregate("apps", "Deployment", backward))
        .isEqualTo(MultiWecStatusAggregator.aggregate("apps", "Deployment", forward));
  }

  @Test
  void needsAtLeastOneReportedStatus() {
    assertThatThrownBy(
            () ->
                MultiWecStatusAggregator.aggregate(
                    "apps", "Deployment", List.of(new WecStatus("a", null))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void knowsWhichKindsHaveCountRules() {
    assertThat(MultiWecStatusAggregator.hasKindRules("apps", "Deployment")).isTrue();
    assertThat(MultiWecStatusAggregator.hasKindRules("batch", "Job")).isTrue();
    assertThat(MultiWecStatusAggregator.hasKindRules("", "Service")).isFalse();
    assertThat(MultiWecStatusAggregator.countFields("apps", "DaemonSet"))
        .contains("numberMisscheduled", "numberReady");
  }
}
