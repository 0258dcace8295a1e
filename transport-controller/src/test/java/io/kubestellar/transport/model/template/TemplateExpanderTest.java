/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.transport.model.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.kubestellar.transport.model.GoldenCase;
import io.kubestellar.transport.model.GoldenCaseSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * Golden cases: {@code in.yaml} holds {@code name} (the template name prefix), {@code properties}
 * and {@code object}; {@code out.yaml} holds {@code wantedChange}, {@code errors} and {@code
 * object}.
 */
class TemplateExpanderTest {

  @ParameterizedTest(name = "{0}")
  @GoldenCaseSource
  void expandsAsTheGoldenFileSays(GoldenCase golden) {
    var in = golden.in();
    var expected = golden.out();
    var object = in.get("object");
    var before = object.deepCopy();

    var expansion = TemplateExpander.expand(in.get("name").textValue(), object, properties(in));

    assertThat(expansion.output()).isEqualTo(expected.get("object"));
    assertThat(expansion.wantedChange()).isEqualTo(expected.get("wantedChange").booleanValue());
    assertThat(expansion.errors()).isEqualTo(texts(expected.get("errors")));
    assertThat(object).as("input is left alone").isEqualTo(before);
    assertThat(TemplateExpander.containsTemplate(object)).isEqualTo(expansion.wantedChange());
  }

  private static Map<String, String> properties(JsonNode in) {
    var properties = new LinkedHashMap<String, String>();
    in.path("properties")
        .fields()
        .forEachRemaining(e -> properties.put(e.getKey(), e.getValue().textValue()));
    return properties;
  }

  private static java.util.List<String> texts(JsonNode list) {
    var texts = new ArrayList<String>();
    if (list instanceof ArrayNode array) {
      array.forEach(e -> texts.add(e.textValue()));
    }
    return texts;
  }
}
