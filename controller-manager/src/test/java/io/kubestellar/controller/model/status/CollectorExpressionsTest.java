/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.model.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubestellar.controller.model.status.CollectorExpressions.EvaluationFailure;
import io.kubestellar.controller.model.status.CollectorExpressions.Invalid;
import io.kubestellar.controller.model.status.CollectorExpressions.Program;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CollectorExpressionsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final CollectorExpressions expressions = new CollectorExpressions();

  private Object eval(String expression, String statusJson) throws Exception {
    var status = CelValues.toCelMap(JSON.readTree(statusJson));
    var variables =
        Map.<String, Object>of(
            "obj", Map.of("spec", Map.of("replicas", 3L)),
            "returned", Map.of("status", status),
            "inventory", Map.of("name", "cluster1"),
            "propagation",
                Map.of("lastReturnedUpdateTimestamp", Instant.parse("2025-03-01T10:15:30Z")));
    return ((Program) expressions.compile(expression)).evaluate(variables);
  }

  private Value cell(String expression, String statusJson) throws Exception {
    return CelValues.toValue(eval(expression, statusJson));
  }

  @Test
  void readsJsonIntegersAsCelIntAndFractionsAsDouble() throws Exception {
    assertThat(eval("returned.status.n + 1", "{\"n\": 2}")).isEqualTo(3L);
    assertThat(eval("returned.status.f * 2.0", "{\"f\": 0.25}")).isEqualTo(0.5);
    assertThat(eval("returned.status.n == 2.0", "{\"n\": 2}")).isEqualTo(true);
    assertThat(eval("returned.status.n < 2.5", "{\"n\": 2}")).isEqualTo(true);
    assertThat(eval("obj.spec.replicas == returned.status.n", "{\"n\": 3}")).isEqualTo(true);
  }

  @Test
  void encodesEachKindOfResult() throws Exception {
    assertThat(cell("inventory.name", "{}")).isEqualTo(Value.ofString("cluster1"));
    assertThat(cell("returned.status.n", "{\"n\": 1000000}"))
        .isEqualTo(Value.ofNumberText("1000000"));
    assertThat(cell("double(returned.status.n)", "{\"n\": 1000000}"))
        .isEqualTo(Value.ofNumberText("1e+06"));
    assertThat(cell("7u", "{}")).isEqualTo(Value.ofNumberText("7"));
    assertThat(cell("returned.status.b", "{\"b\": false}")).isEqualTo(Value.ofBool(false));
    assertThat(cell("returned.status.z", "{\"z\": null}")).isEqualTo(Value.ofNull());
    assertThat(cell("null", "{}")).isEqualTo(Value.ofNull());
    assertThat(cell("[1, 'a', null]", "{}"))
        .usingComparator(CollectorExpressionsTest::bySameValue)
        .isEqualTo(Value.ofArray(JSON.readTree("[1, \"a\", null]")));
    assertThat(cell("{'k': [2.5]}", "{}"))
        .usingComparator(CollectorExpressionsTest::bySameValue)
        .isEqualTo(Value.ofObject(JSON.readTree("{\"k\": [2.5]}")));
    assertThat(cell("propagation.lastReturnedUpdateTimestamp", "{}"))
        .isEqualTo(Value.ofObject(JSON.getNodeFactory().textNode("2025-03-01T10:15:30Z")));
    assertThat(cell("duration('90s') + duration('500ms')", "{}"))
        .isEqualTo(Value.ofObject(JSON.getNodeFactory().textNode("90.5s")));
    assertThat(cell("1.0 / 0.0", "{}")).isEqualTo(Value.ofNumberText("+Inf"));
  }

  private static int bySameValue(Value a, Value b) {
    return CombinedStatusEquality.sameValue(a, b) ? 0 : 1;
  }

  @Test
  void reportsAMissingKeyInCelGoWording() {
    assertThatThrownBy(() -> eval("returned.status.unavailableReplicas", "{}"))
        .isInstanceOf(EvaluationFailure.class)
        .hasMessage("failed to evaluate expression: no such key: unavailableReplicas");
  }

  @Test
  void reportsOtherRuntimeErrorsWithThePrefixAndWithoutOffsets() {
    assertThatThrownBy(() -> eval("returned.status.n / 0", "{\"n\": 1}"))
        .isInstanceOf(EvaluationFailure.class)
        .hasMessageStartingWith("failed to evaluate expression: ")
        .hasMessageNotContaining("<input>");
  }

  @Test
  void reportsAnIntegerDivisionByZeroInCelGoWording() {
    assertThatThrownBy(() -> eval("returned.status.n / 0", "{\"n\": 1}"))
        .isInstanceOf(EvaluationFailure.class)
        .hasMessage("failed to evaluate expression: division by zero");
  }

  @Test
  void cachesCompiledProgramsByText() {
    var first = expressions.compile("inventory.name");
    var second = expressions.compile("inventory.name");
    assertThat(second).isSameAs(first);
    assertThat(expressions.compile("inventory.name + ''")).isNotSameAs(first);
    assertThat(expressions.cachedCount()).isEqualTo(2);
  }

  @Test
  void distinguishesParseFromCheckErrors() {
    assertThat(((Invalid) expressions.compile("a +")).message())
        .startsWith("failed to parse expression: ");
    assertThat(((Invalid) expressions.compile("nope")).message())
        .startsWith("failed to check expression: ");
  }

  @Test
  void formatsTimestampsLikeGoJson() {
    assertThat(CelValues.formatTimestamp(Instant.parse("2025-03-01T10:15:30.120Z")))
        .isEqualTo("2025-03-01T10:15:30.12Z");
    assertThat(CelValues.formatTimestamp(Instant.parse("0001-01-01T00:00:00Z")))
        .isEqualTo("0001-01-01T00:00:00Z");
  }
}
