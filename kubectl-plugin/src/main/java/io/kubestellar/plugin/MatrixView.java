/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.plugin;

import io.kubestellar.plugin.model.Cell;
import io.kubestellar.plugin.model.DeliveryMatrix;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The matrix as printed (table) and as data (JSON, YAML, the console). */
record MatrixView(
    List<String> clusters, List<Row> rows, Map<String, Integer> counts, String summary) {

  /** One object. */
  record Row(
      String object,
      String group,
      String resource,
      String namespace,
      String name,
      String version,
      List<String> policies,
      Map<String, Cell> cells) {}

  static MatrixView of(DeliveryMatrix matrix) {
    var rows = new ArrayList<Row>();
    for (var row : matrix.rows()) {
      var ref = row.object();
      rows.add(
          new Row(
              ref.toString(),
              ref.group(),
              ref.resource(),
              ref.namespace(),
              ref.name(),
              row.version(),
              List.copyOf(row.policies()),
              new LinkedHashMap<>(row.cells())));
    }
    var counts = new LinkedHashMap<String, Integer>();
    matrix.counts().forEach((state, n) -> counts.put(state.word(), n));
    return new MatrixView(matrix.clusters(), rows, counts, matrix.summary());
  }

  static String table(DeliveryMatrix matrix) {
    int objectWidth = "OBJECT".length();
    int policyWidth = "POLICIES".length();
    for (var row : matrix.rows()) {
      objectWidth = Math.max(objectWidth, row.object().toString().length());
      policyWidth = Math.max(policyWidth, String.join(",", row.policies()).length());
    }
    var format = new StringBuilder("%-" + objectWidth + "s  %-" + policyWidth + "s");
    for (var cluster : matrix.clusters()) {
      format.append("  %-").append(Math.max(cluster.length(), 9)).append('s');
    }
    format.append("%n");
    var out = new StringBuilder();
    var header = new ArrayList<Object>(List.of("OBJECT", "POLICIES"));
    matrix.clusters().forEach(c -> header.add(c.toUpperCase(java.util.Locale.ROOT)));
    out.append(String.format(format.toString(), header.toArray()));
    for (var row : matrix.rows()) {
      var values =
          new ArrayList<Object>(List.of(row.object().toString(), String.join(",", row.policies())));
      for (var cluster : matrix.clusters()) {
        var cell = row.cells().get(cluster);
        values.add(cell == null ? "-" : cell.state().word());
      }
      out.append(String.format(format.toString(), values.toArray()));
    }
    out.append(matrix.summary()).append('\n');
    return out.toString();
  }
}
