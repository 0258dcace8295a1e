/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.statusaddon.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files: {@code WorkStatusRendererTest/<case>/in.yaml} (the ITS namespace, the
 * AppliedManifestWork UID, the ManifestWork and the WEC object) renders to exactly {@code
 * out.yaml}, the WorkStatus as it goes on the wire.
 */
class WorkStatusRendererTest {

  private static final Path ROOT = Path.of("src/test/resources/WorkStatusRendererTest");
  private static final ObjectMapper YAML = new YAMLMapper();

  static Stream<String> cases() throws IOException {
    try (var dirs = Files.list(ROOT)) {
      return dirs.map(d -> d.getFileName().toString()).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  @SuppressWarnings("unchecked")
  void rendersTheWorkStatusOfTheGoldenFile(String name) throws IOException {
    var in = YAML.readValue(ROOT.resolve(name).resolve("in.yaml").toFile(), Map.class);
    var work = (Map<String, Object>) in.get("manifestWork");
    var labels = new LinkedHashMap<String, String>((Map<String, String>) work.get("labels"));
    var object =
        DeliveredObject.fromJson(
            (String) in.get("resource"), (Map<String, Object>) in.get("object"));

    var desired =
        WorkStatusRenderer.render(
            (String) in.get("clusterNamespace"),
            (String) in.get("appliedManifestWorkUid"),
            new ManifestWorkFacts((String) work.get("name"), (String) work.get("uid"), labels),
            object);

    assertThat(tree(desired.toJson()))
        .isEqualTo(YAML.readTree(ROOT.resolve(name).resolve("out.yaml").toFile()));
    assertThat(desired.name()).hasSizeLessThanOrEqualTo(WorkStatusNaming.MAX_LENGTH);
  }

  private static JsonNode tree(Object value) throws IOException {
    return YAML.readTree(YAML.writeValueAsString(value));
  }
}
