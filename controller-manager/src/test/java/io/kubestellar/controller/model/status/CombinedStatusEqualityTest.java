/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.model.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubestellar.controller.model.status.CollectorResult.AggregationError;
import io.kubestellar.controller.model.status.CollectorResult.Row;
import io.kubestellar.controller.model.status.CollectorResult.RowError;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CombinedStatusEqualityTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static CollectorResult result(String name, List<Value>... rows) {
    return new CollectorResult(
        name, List.of("a"), java.util.Arrays.stream(rows).map(Row::new).toList(), null, null);
  }

  @ParameterizedTest(name = "{0} vs {1} -> {2}")
  @CsvSource({
    "2, 2, true",
    "2, 02, true",
    "2, 2.0, false",
    "2.5, 2.50, true",
    "1e+06, 1000000.0, true",
    "NaN, NaN, true",
    "+Inf, +Inf, true",
    "+Inf, -Inf, false",
    "18446744073709551615, 18446744073709551615, true",
    "1, x, false"
  })
  void comparesNumbersByValueWithinTheirKind(String a, String b, boolean equal) {
    assertThat(CombinedStatusEquality.sameValue(Value.ofNumberText(a), Value.ofNumberText(b)))
        .isEqualTo(equal);
  }

  @Test
  void comparesObjectsAsJsonAndNullsAlwaysEqual() throws Exception {
    var a = Value.ofObject(JSON.readTree("{\"x\": 1, \"y\": [true]}"));
    var b = Value.ofObject(JSON.readTree("{\"y\": [true], \"x\": 1.0}"));
    var c = Value.ofObject(JSON.readTree("{\"y\": [false], \"x\": 1}"));
    assertThat(CombinedStatusEquality.sameValue(a, b)).isTrue();
    assertThat(CombinedStatusEquality.sameValue(a, c)).isFalse();
    assertThat(CombinedStatusEquality.sameValue(Value.ofNull(), Value.ofNull())).isTrue();
    assertThat(CombinedStatusEquality.sameValue(Value.ofNull(), Value.ofString(""))).isFalse();
  }

  @Test
  void pairsResultsByNameButRowsByPosition() {
    var x = result("x", List.of(Value.ofLong(1)), List.of(Value.ofLong(2)));
    var y = result("y", List.of(Value.ofString("s")));
    var xSwapped = result("x", List.of(Value.ofLong(2)), List.of(Value.ofLong(1)));
    assertThat(CombinedStatusEquality.sameResults(List.of(x, y), List.of(y, x))).isTrue();
    assertThat(CombinedStatusEquality.sameResults(List.of(x, y), List.of(xSwapped, y))).isFalse();
    assertThat(CombinedStatusEquality.sameResults(List.of(x), List.of(x, y))).isFalse();
  }

  @Test
  void seesChangedErrorsAndColumnNames() {
    var base = new CollectorResult("x", List.of("a"), List.of(), List.of(), List.of());
    var withRowError =
        new CollectorResult(
            "x", List.of("a"), List.of(), List.of(RowError.of("c1", "a", "boom")), List.of());
    var withAggregationError =
        new CollectorResult(
            "x", List.of("a"), List.of(), List.of(), List.of(new AggregationError("a", "boom")));
    var renamed = new CollectorResult("x", List.of("b"), List.of(), List.of(), List.of());
    assertThat(CombinedStatusEquality.sameResult(base, withRowError)).isFalse();
    assertThat(CombinedStatusEquality.sameResult(base, withAggregationError)).isFalse();
    assertThat(CombinedStatusEquality.sameResult(base, renamed)).isFalse();
    assertThat(CombinedStatusEquality.sameResult(base, base)).isTrue();
  }

  @Test
  void requiresExactlyTheExpectedLabels() {
    var labels = Map.of("a", "1");
    var results = List.of(result("x", List.of(Value.ofLong(1))));
    assertThat(CombinedStatusEquality.sameContent(labels, results, Map.of("a", "1"), results))
        .isTrue();
    assertThat(
            CombinedStatusEquality.sameContent(
                Map.of("a", "1", "extra", "y"), results, labels, results))
        .isFalse();
  }

  @Test
  void aReEvaluationOfTheSameInputIsEqualEvenWithNaN() {
    var evaluator = new CombinedStatusEvaluator(new CollectorExpressions());
    var collector =
        new StatusCollectorDefinition(
            "avg",
            null,
            null,
            List.of(new StatusCollectorDefinition.CombinedField("m", "AVG", "1")),
            null,
            null);
    var first = evaluator.evaluateAll(null, List.of(), List.of(collector));
    var second = evaluator.evaluateAll(null, List.of(), List.of(collector));
    assertThat(first.get(0).rows().get(0).columns().get(0).number()).isEqualTo("NaN");
    assertThat(CombinedStatusEquality.sameResults(first, second)).isTrue();
  }
}
