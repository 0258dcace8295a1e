/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.model.status;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * Checks a StatusCollector and returns the messages a reconciler writes into {@code
 * StatusCollector.status.errors}; an empty list means valid. An invalid collector contributes no
 * result entry.
 *
 * <p>Structural rules are checked first; when one fails the expressions are not compiled, since the
 * collector is unusable anyway.
 */
public final class StatusCollectorValidator {

  private final CollectorExpressions expressions;

  public StatusCollectorValidator(CollectorExpressions expressions) {
    this.expressions = expressions;
  }

  /** All problems with {@code collector}, in spec order. */
  public List<String> validate(StatusCollectorDefinition collector) {
    var structural = structuralErrors(collector);
    if (!structural.isEmpty()) {
      return structural;
    }
    var errors = new ArrayList<String>();
    if (collector.filter() != null) {
      invalid(collector.filter()).ifPresent(e -> errors.add("filter expression invalid: " + e));
    }
    for (var item : collector.select()) {
      invalid(item.def())
          .ifPresent(e -> errors.add("select expression (" + item.name() + ") invalid: " + e));
    }
    for (var item : collector.groupBy()) {
      invalid(item.def())
          .ifPresent(e -> errors.add("groupBy expression (" + item.name() + ") invalid: " + e));
    }
    for (var field : collector.combinedFields()) {
      var prefix = "combinedField expression (" + field.name() + ")";
      var type = AggregationType.parse(field.type());
      boolean hasSubject = field.subject() != null && !field.subject().isBlank();
      if (type.isEmpty()) {
        errors.add(
            prefix
                + " invalid: unsupported type \""
                + field.type()
                + "\", expected one of COUNT, SUM, AVG, MIN, MAX");
      } else if (type.get() == AggregationType.COUNT) {
        if (hasSubject) {
          errors.add(prefix + " invalid: subject must be nil for COUNT type");
        }
      } else if (!hasSubject) {
        errors.add(prefix + " invalid: subject must be set");
      } else {
        invalid(field.subject()).ifPresent(e -> errors.add(prefix + " subject invalid: " + e));
      }
    }
    return List.copyOf(errors);
  }

  private static List<String> structuralErrors(StatusCollectorDefinition collector) {
    var errors = new ArrayList<String>();
    boolean aggregating = !collector.groupBy().isEmpty() || !collector.combinedFields().isEmpty();
    if (collector.isSelect() && aggregating) {
      errors.add("select must be empty when groupBy or combinedFields is set");
    }
    if (!collector.groupBy().isEmpty() && collector.combinedFields().isEmpty()) {
      errors.add("groupBy requires at least one combinedField");
    }
    if (!collector.isSelect() && collector.combinedFields().isEmpty()) {
      errors.add("one of select or combinedFields must be set");
    }
    if (collector.limit() != null && collector.limit() < 1) {
      errors.add("limit must be at least 1, got " + collector.limit());
    }
    var seen = new HashSet<String>();
    var names = new ArrayList<String>();
    collector.select().forEach(s -> names.add(s.name()));
    collector.groupBy().forEach(g -> names.add(g.name()));
    collector.combinedFields().forEach(c -> names.add(c.name()));
    for (var name : names) {
      if (name == null || name.isEmpty()) {
        errors.add("column names must not be empty");
      } else if (!seen.add(name)) {
        errors.add("duplicate column name \"" + name + "\"");
      }
    }
    return errors;
  }

  private java.util.Optional<String> invalid(String expression) {
    if (expression == null || expression.isBlank()) {
      return java.util.Optional.of("failed to parse expression: expression is empty");
    }
    return expressions.compile(expression) instanceof CollectorExpressions.Invalid invalid
        ? java.util.Optional.of(invalid.message())
        : java.util.Optional.empty();
  }
}
