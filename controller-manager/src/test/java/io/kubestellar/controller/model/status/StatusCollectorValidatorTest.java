/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.model.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubestellar.controller.model.status.StatusCollectorDefinition.CombinedField;
import io.kubestellar.controller.model.status.StatusCollectorDefinition.NamedExpression;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusCollectorValidatorTest {

  private final StatusCollectorValidator validator =
      new StatusCollectorValidator(new CollectorExpressions());

  private static NamedExpression expr(String name, String def) {
    return new NamedExpression(name, def);
  }

  private static CombinedField field(String name, String type, String subject) {
    return new CombinedField(name, type, subject);
  }

  @Test
  void acceptsTheWorkedExampleCollectors() {
    var select =
        new StatusCollectorDefinition(
            "lagging-wecs",
            "obj.spec.replicas != returned.status.availableReplicas",
            null,
            null,
            List.of(expr("wec", "inventory.name")),
            10L);
    var grouped =
        new StatusCollectorDefinition(
            "by-availability",
            null,
            List.of(expr("ok", "obj.spec.replicas == returned.status.availableReplicas")),
            List.of(field("count", "COUNT", null), field("sum", "SUM", "returned.status.x")),
            null,
            null);
    assertThat(validator.validate(select)).isEmpty();
    assertThat(validator.validate(grouped)).isEmpty();
  }

  @Test
  void rejectsSelectCombinedWithAggregation() {
    var collector =
        new StatusCollectorDefinition(
            "c",
            null,
            List.of(expr("g", "inventory.name")),
            List.of(field("n", "COUNT", null)),
            List.of(expr("s", "inventory.name")),
            20L);
    assertThat(validator.validate(collector))
        .containsExactly("select must be empty when groupBy or combinedFields is set");
  }

  @Test
  void rejectsGroupByWithoutCombinedFieldsAndSkipsExpressionChecks() {
    var collector =
        new StatusCollectorDefinition(
            "c", "not valid (", List.of(expr("g", "inventory.name")), null, null, 20L);
    assertThat(validator.validate(collector))
        .containsExactly(
            "groupBy requires at least one combinedField",
            "one of select or combinedFields must be set");
  }

  @Test
  void checksSubjectsAgainstTheAggregationType() {
    var collector =
        new StatusCollectorDefinition(
            "c",
            null,
            null,
            List.of(
                field("a", "COUNT", "returned.status.x"),
                field("b", "SUM", null),
                field("c", "AVG", "returned.status.("),
                field("d", "MEDIAN", "returned.status.x")),
            null,
            20L);
    var errors = validator.validate(collector);
    assertThat(errors).hasSize(4);
    assertThat(errors.get(0))
        .isEqualTo("combinedField expression (a) invalid: subject must be nil for COUNT type");
    assertThat(errors.get(1))
        .isEqualTo("combinedField expression (b) invalid: subject must be set");
    assertThat(errors.get(2))
        .startsWith("combinedField expression (c) subject invalid: failed to parse expression: ");
    assertThat(errors.get(3)).contains("(d) invalid: unsupported type \"MEDIAN\"");
  }

  @Test
  void reportsParseAndCheckErrorsPerExpression() {
    var collector =
        new StatusCollectorDefinition(
            "c",
            "returned.status.ready ==",
            null,
            null,
            List.of(expr("x", "unknownVariable.name"), expr("y", "'a' + 1"), expr("z", "1")),
            20L);
    var errors = validator.validate(collector);
    assertThat(errors).hasSize(3);
    assertThat(errors.get(0)).startsWith("filter expression invalid: failed to parse expression: ");
    assertThat(errors.get(1))
        .startsWith("select expression (x) invalid: failed to check expression: ")
        .contains("undeclared reference to 'unknownVariable'");
    assertThat(errors.get(2))
        .startsWith("select expression (y) invalid: failed to check expression: ")
        .contains("no matching overload");
  }

  @Test
  void rejectsDuplicateColumnsAndNonPositiveLimits() {
    var collector =
        new StatusCollectorDefinition(
            "c",
            null,
            null,
            null,
            List.of(expr("x", "inventory.name"), expr("x", "inventory.name")),
            0L);
    assertThat(validator.validate(collector))
        .containsExactly("limit must be at least 1, got 0", "duplicate column name \"x\"");
  }

  @Test
  void acceptsStandardMacrosOverDynamicMaps() {
    var collector =
        new StatusCollectorDefinition(
            "c",
            "has(returned.status.conditions)",
            null,
            null,
            List.of(
                expr(
                    "available",
                    "returned.status.conditions.exists(c, c.type == 'Available' && c.status =="
                        + " 'True')"),
                expr("types", "returned.status.conditions.map(c, c.type)")),
            20L);
    assertThat(validator.validate(collector)).isEmpty();
  }
}
