/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.model.status;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Decides whether a stored CombinedStatus already holds what evaluation produced, so that a
 * reconciler writes only when something a user can see would change.
 *
 * <p>Compared: the labels (exactly), and per result entry (matched by name): column names in order,
 * rows in order, cell by cell, and the row and aggregation errors. Unlike upstream, error lists
 * count (a changed error must reach the user) and rows are compared in order because their order is
 * deterministic here (D11). Numbers compare by value within their kind: integer texts as integers,
 * other texts as doubles, so {@code "2"} differs from {@code "2.0"} as upstream, but {@code NaN}
 * equals {@code NaN} (otherwise an empty AVG would be rewritten on every pass).
 */
public final class CombinedStatusEquality {

  private CombinedStatusEquality() {}

  /** Whether labels and results both match. */
  public static boolean sameContent(
      Map<String, String> storedLabels,
      List<CollectorResult> storedResults,
      Map<String, String> desiredLabels,
      List<CollectorResult> desiredResults) {
    return Objects.equals(nullToEmpty(storedLabels), nullToEmpty(desiredLabels))
        && sameResults(storedResults, desiredResults);
  }

  /** Whether two {@code results} lists match, entries paired by collector name. */
  public static boolean sameResults(List<CollectorResult> stored, List<CollectorResult> desired) {
    var a = stored == null ? List.<CollectorResult>of() : stored;
    var b = desired == null ? List.<CollectorResult>of() : desired;
    if (a.size() != b.size()) {
      return false;
    }
    var byName = new HashMap<String, CollectorResult>();
    for (var result : b) {
      byName.put(result.name(), result);
    }
    if (byName.size() != b.size()) {
      return false;
    }
    for (var result : a) {
      var other = byName.get(result.name());
      if (other == null || !sameResult(result, other)) {
        return false;
      }
    }
    return true;
  }

  /** Whether two result entries match. */
  public static boolean sameResult(CollectorResult a, CollectorResult b) {
    if (!a.name().equals(b.name())
        || !a.columnNames().equals(b.columnNames())
        || a.rows().size() != b.rows().size()
        || !a.rowErrors().equals(b.rowErrors())
        || !a.aggregationErrors().equals(b.aggregationErrors())) {
      return false;
    }
    for (int i = 0; i < a.rows().size(); i++) {
      var x = a.rows().get(i).columns();
      var y = b.rows().get(i).columns();
      if (x.size() != y.size()) {
        return false;
      }
      for (int j = 0; j < x.size(); j++) {
        if (!sameValue(x.get(j), y.get(j))) {
          return false;
        }
      }
    }
    return true;
  }

  /** Whether two cells match (§6.8.10 of the status spec, with NaN equal to NaN). */
  public static boolean sameValue(Value a, Value b) {
    if (a.type() != b.type()) {
      return false;
    }
    return switch (a.type()) {
      case Null -> true;
      case String -> Objects.equals(a.string(), b.string());
      case Bool -> Objects.equals(a.bool(), b.bool());
      case Number -> sameNumber(a.number(), b.number());
      case Object -> JsonEquality.equal(a.object(), b.object());
      case Array -> JsonEquality.equal(a.array(), b.array());
    };
  }

  static boolean sameNumber(String a, String b) {
    if (Objects.equals(a, b)) {
      return true;
    }
    if (a == null || b == null) {
      return false;
    }
    var x = integer(a);
    var y = integer(b);
    if (x != null || y != null) {
      return x != null && x.equals(y);
    }
    var p = floating(a);
    var q = floating(b);
    if (p == null || q == null) {
      return false;
    }
    return p.equals(q) || (p == q.doubleValue()); // Double.equals treats NaN as equal to NaN
  }

  private static BigInteger integer(String text) {
    if (!text.matches("[+-]?[0-9]+")) {
      return null;
    }
    return new BigInteger(text);
  }

  private static Double floating(String text) {
    var parsed = SubjectCoercion.parse(text);
    return parsed instanceof SubjectCoercion.Coerced c ? c.value() : null;
  }

  private static Map<String, String> nullToEmpty(Map<String, String> labels) {
    return labels == null ? Map.of() : labels;
  }
}
