/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.api.control.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Every example object reads into the Java model and writes back with nothing lost or added. */
class ExampleRoundTripTest {

  static final List<String> EXAMPLES =
      List.of(
          "seed-bindingpolicy.yaml",
          "downsync-binding-web.yaml",
          "status-bindingpolicy-nginx-bp.yaml",
          "status-statuscollector-replica-summary.yaml",
          "status-statuscollector-lagging-wecs.yaml",
          "status-statuscollector-by-availability.yaml",
          "status-statuscollector-unavailable-sum.yaml",
          "status-combinedstatus-nginx.yaml",
          "status-workstatus-nginx.yaml");

  private static final Map<String, Class<? extends HasMetadata>> KINDS =
      Map.of(
          "BindingPolicy", BindingPolicy.class,
          "Binding", Binding.class,
          "StatusCollector", StatusCollector.class,
          "CombinedStatus", CombinedStatus.class,
          "CustomTransform", CustomTransform.class,
          "WorkStatus", WorkStatus.class);

  private final KubernetesSerialization serialization = new KubernetesSerialization();

  @ParameterizedTest
  @FieldSource("EXAMPLES")
  void exampleSurvivesTheJavaModel(String example) throws IOException {
    JsonNode original;
    try (InputStream in = getClass().getResourceAsStream("/examples/" + example)) {
      original = serialization.unmarshal(in, JsonNode.class);
    }
    var type = KINDS.get(original.get("kind").asText());
    HasMetadata typed = serialization.convertValue(original, type);

    // Through text, so that numbers compare by value (a Long field reads back as an int node).
    JsonNode written = serialization.unmarshal(serialization.asJson(typed), JsonNode.class);

    assertThat(typed).isInstanceOf(type);
    assertThat(written).isEqualTo(original);
  }
}
